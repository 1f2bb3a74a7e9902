#!/usr/bin/env bash
# Builds marac_VERSION_ARCH.deb: a release marac with the Swift runtime linked in
# (--static-swift-stdlib), its man pages (generated from the argument parser's own definitions by
# swift-argument-parser's generate-manual, so they never disagree with --help), bash, zsh and fish
# completions, /usr/share/doc/marac, and Depends computed by dpkg-shlibdeps from what the binary
# links. Usage: scripts/make-deb.sh [OUTPUT-DIR]   (default: the package folder)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$PWD}"
mkdir -p "$out"

need=()
command -v dpkg-deb >/dev/null || need+=(dpkg)
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing ${need[*]}..."
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "Building marac (release, Swift runtime linked statically)..."
swift build -c release --product marac --static-swift-stdlib
bin="$(swift build -c release --product marac --static-swift-stdlib --show-bin-path)/marac"
echo "Building generate-manual (swift-argument-parser)..."
swift build --product generate-manual
manual="$(swift build --show-bin-path)/generate-manual"

version="$("$bin" --version)"
# Who answers for the package: set MARAC_DEB_MAINTAINER to the team that builds it.
maintainer="${MARAC_DEB_MAINTAINER:-marac developers <marac@example.org>}"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/marac_${version}_${arch}"
doc="$root/usr/share/doc/marac"
install -d -m 755 "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" "$doc" \
    "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d"
install -m 755 "$bin" "$root/usr/bin/marac"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/marac"

# The changelog's date is the date of the last commit, so the same commit gives the same package.
stamp="$(git log -1 --format=%ct 2>/dev/null || date +%s)"
export SOURCE_DATE_EPOCH="$stamp"
day="$(date -u -d "@$stamp" +%Y-%m-%d)"

# Man pages: one for marac and one for each subcommand, compressed as Debian wants them.
mkdir -p "$stage/man"
"$manual" "$root/usr/bin/marac" --output-directory "$stage/man" --multi-page --date "$day" \
    --authors "the marac developers" --section 1 >/dev/null
# A subcommand's page is named marac.agency.add, and whatis needs that name in its NAME
# section; the synopsis keeps the words as typed ("marac agency add").
for page in "$stage"/man/*.1; do
    awk -v file="$(basename "$page" .1)" '
        /^\.Sh NAME/ { inName = 1 }
        /^\.Sh SYNOPSIS/ { inName = 0 }
        inName && /^\.Nm "/ { words = substr($0, 5); print ".Nm " file; next }
        /^\.Nm$/ && words != "" { print ".Nm " words; next }
        { print }' "$page" > "$page.fixed" && mv "$page.fixed" "$page"
    gzip -9n -c "$page" > "$root/usr/share/man/man1/$(basename "$page").gz"
    chmod 644 "$root/usr/share/man/man1/$(basename "$page").gz"
done

# Completions are sourced, not run: no #! line (Debian's policy for bash completions).
"$root/usr/bin/marac" --generate-completion-script bash | sed '1{/^#!/d}' > "$root/usr/share/bash-completion/completions/marac"
"$root/usr/bin/marac" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_marac"
"$root/usr/bin/marac" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/marac.fish"
chmod 644 "$root"/usr/share/bash-completion/completions/marac "$root"/usr/share/zsh/vendor-completions/_marac \
    "$root"/usr/share/fish/vendor_completions.d/marac.fish

install -m 644 README.md "$doc/README.md"
cat > "$stage/changelog" <<CHANGES
marac ($version) unstable; urgency=medium

  * Release $version: the MARAC coordinator's terminal application (referral
    triage, the live meeting, the action tracker, imports and exports).
    The project's history is in its git log.

 -- $maintainer  $(date -u -R -d "@$stamp")
CHANGES
gzip -9n -c "$stage/changelog" > "$doc/changelog.gz"
chmod 644 "$doc/changelog.gz"
cat > "$doc/copyright" <<'COPYRIGHT'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: marac
Source: the marac git repository

Files: *
Copyright: 2026 the marac developers
License: proprietary
 All rights reserved. Supplied to MARAC teams under their agreement with the
 developers; not to be redistributed.
COPYRIGHT
chmod 644 "$doc/copyright"

# Depends: what dpkg-shlibdeps finds the binary links, with the versions it needs.
mkdir -p "$stage/src/debian"
printf 'Source: marac\n\nPackage: marac\nArchitecture: any\n' > "$stage/src/debian/control"
depends="$(cd "$stage/src" && dpkg-shlibdeps -O "$root/usr/bin/marac" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends" ] || { echo "dpkg-shlibdeps found no dependencies; refusing to guess" >&2; exit 1; }
size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
cat > "$root/DEBIAN/control" <<CONTROL
Package: marac
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $size
Depends: $depends
Suggests: weasyprint
Section: utils
Priority: optional
Description: terminal application for MARAC coordinators
 marac runs a Multi-Agency Risk Assessment Conference from a terminal:
 triage of referrals with the SafeLives criteria, the live meeting with
 attendance, risks and actions, and the chair's action tracker. The store
 is encrypted at rest, append-only and durable; imports and exports talk to
 the agencies' spreadsheets.
CONTROL
find "$root" -type d -exec chmod 755 {} +
deb="$out/marac_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
