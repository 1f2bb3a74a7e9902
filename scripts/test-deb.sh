#!/usr/bin/env bash
# CI's test of the package: builds it (scripts/make-deb.sh), unpacks it with dpkg-deb -x, and
# runs marac from there with a PATH and LD_LIBRARY_PATH that leave the Swift toolchain out:
# --version, a demo store, a listing in JSON. Checks that ldd names nothing under the toolchain,
# that every subcommand has its man page and each shell its completion, that Depends names the
# curses library, and that lintian reports no errors.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "test-deb: $*" >&2; exit 1; }

toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"
deb="$(./scripts/make-deb.sh "$work" | tail -1)"
[ -f "$deb" ] || fail "no package was built"
echo "test-deb: built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

dpkg-deb -x "$deb" "$work/root"
bin="$work/root/usr/bin/marac"
# Nothing of the toolchain on the paths; the system's libraries only.
clean=(env -i "HOME=$work" "PATH=$work/root/usr/bin:/usr/bin:/bin" "LD_LIBRARY_PATH=" "TERM=dumb" "MARAC_TODAY=2026-11-28")
if ldd "$bin" | grep -F "$toolchain"; then fail "the binary links libraries under the toolchain ($toolchain)"; fi
if ldd "$bin" | grep -q "not found"; then ldd "$bin"; fail "a library the binary links is missing"; fi

version="$("${clean[@]}" marac --version)"
[ "$(basename "$deb")" = "marac_${version}_$(dpkg --print-architecture).deb" ] || fail "marac --version says $version"
"${clean[@]}" marac demo --store "$work/store" --no-tui > "$work/demo.out" || fail "marac demo --no-tui failed"
grep -q "Demo store created" "$work/demo.out" || fail "marac demo said: $(cat "$work/demo.out")"
printf 'demo\n' > "$work/pp"; chmod 600 "$work/pp"
"${clean[@]}" MARAC_PASSPHRASE_FILE="$work/pp" marac list cases --store "$work/store" --user chair --format json > "$work/cases.json"
cases="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/cases.json")"
[ "$cases" -gt 0 ] || fail "marac list cases listed nothing"
echo "test-deb: unpacked marac $version ran the demo and listed $cases cases without the toolchain"

# A man page for marac and each subcommand the parser knows.
man="$work/root/usr/share/man/man1"
for sub in "" $("${clean[@]}" marac --help | awk '/^SUBCOMMANDS:/{on=1;next} on && /^  [a-z]/ {print $1} on && !NF {exit}'); do
    page="$man/marac${sub:+.$sub}.1.gz"
    [ -f "$page" ] || fail "no man page $(basename "$page")"
    zcat "$page" | grep -q '^\.Dt ' || fail "$(basename "$page") is not a man page"
done
[ -s "$work/root/usr/share/bash-completion/completions/marac" ] || fail "no bash completion"
[ -s "$work/root/usr/share/zsh/vendor-completions/_marac" ] || fail "no zsh completion"
[ -s "$work/root/usr/share/fish/vendor_completions.d/marac.fish" ] || fail "no fish completion"
depends="$(dpkg-deb -f "$deb" Depends)"
case "$depends" in *libncursesw6*) ;; *) fail "Depends does not name libncursesw6: $depends" ;; esac
echo "test-deb: Depends: $depends"

if ! command -v lintian >/dev/null; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    # The package lists may never have been fetched on this machine: fetch them once if needed.
    $sudo apt-get install -y -qq lintian >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq lintian >/dev/null; }
fi
lintian --fail-on error --tag-display-limit 0 "$deb" | tee "$work/lintian.txt"
echo "test-deb: lintian: $(grep -c '^E:' "$work/lintian.txt" || true) errors, $(grep -c '^W:' "$work/lintian.txt" || true) warnings"
