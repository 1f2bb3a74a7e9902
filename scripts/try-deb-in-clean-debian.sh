#!/usr/bin/env bash
# Installs a marac package into a clean Debian 12 (bookworm) root made with debootstrap, with
# apt-get install ./marac_*.deb as an IT department would, and runs the demo and a listing
# there. Needs root and Debian's mirror. Usage: scripts/try-deb-in-clean-debian.sh marac_*.deb [ROOT]
set -euo pipefail
deb="$(readlink -f "${1:?usage: $0 marac_VERSION_ARCH.deb [ROOT]}")"
root="${2:-$(mktemp -d /tmp/marac-bookworm.XXXXXX)}"
[ "$(id -u)" -eq 0 ] || { echo "debootstrap and chroot need root" >&2; exit 1; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
# The mirror this machine's apt uses (so a sandbox that reaches only it works), else Debian's.
mirror="${DEBIAN_MIRROR:-$(grep -rhoE '(URIs: |^deb )https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | head -1 || true)}"
mirror="${mirror:-http://deb.debian.org/debian}"

if [ ! -x "$root/usr/bin/apt-get" ]; then
    echo "== debootstrap bookworm (minbase) into $root"
    debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.debootstrap.log" 2>&1 \
        || { tail -20 "$root.debootstrap.log"; exit 1; }
fi
# /proc helps apt and dpkg; where the sandbox forbids mounting it, they manage without.
if mount -t proc proc "$root/proc" 2>/dev/null; then trap 'umount "$root/proc" 2>/dev/null || true' EXIT; fi
cp "$deb" "$root/tmp/"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
name="$(basename "$deb")"

echo "== in the clean root: what Swift is there (none expected)"
chroot "$root" sh -c 'command -v swift || echo "no swift"; ls /opt 2>/dev/null | head -3'
echo "== apt-get install ./$name"
chroot "$root" sh -c "apt-get update -qq && apt-get install -y ./tmp/$name" 2>&1 | tail -8
echo "== dpkg -s marac"
chroot "$root" dpkg -s marac | grep -E '^(Package|Status|Version|Depends):'
echo "== marac --version; its man pages"
chroot "$root" marac --version
chroot "$root" sh -c 'ls /usr/share/man/man1/marac*.1.gz | wc -l | sed "s/^/man pages: /"'
echo "== marac demo --no-tui"
chroot "$root" sh -c 'rm -rf /root/demo && MARAC_TODAY=2026-11-28 marac demo --store /root/demo --no-tui'
echo "== marac list cases --format json (count)"
chroot "$root" sh -c 'printf "demo\n" > /root/pp; chmod 600 /root/pp; MARAC_PASSPHRASE_FILE=/root/pp MARAC_TODAY=2026-11-28 marac list cases --store /root/demo --user chair --format json' \
    | grep -c '"reference"' | sed 's/^/cases listed: /'
echo "== done: $root"
