#!/usr/bin/env bash
# `npm run test:bare-machine`: proves that `git clone` + `npm test` passes on a machine with only
# what a new Debian 12 machine has (Node 20 + npm, python3, make, g++, git). Builds a minimal
# Debian root with debootstrap (kept for reuse; --fresh rebuilds it), clones the commit under
# test into it and runs `npm test` there in a chroot. Needs root. Not part of `npm test`.
set -euo pipefail

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
# The bare image is built once and kept; every run copies it, so what one run installs (the
# project's Debian packages) never reaches the next.
base=${BARE_ROOT:-/var/tmp/tsgis-bare-root}
root="$base.run"
minutes=${BARE_TIMEOUT_MINUTES:-75}
fresh=0
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=1 ;;
    *) echo "usage: $0 [--fresh]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "bare-machine: needs root (debootstrap, chroot, mount)" >&2; exit 2; }

# The mirror is the host's own: the first URIs line of its Debian sources.
sources=/etc/apt/sources.list.d/debian.sources
mirror=$(awk '/^URIs:/ { print $2; exit }' "$sources")
[ -n "$mirror" ] || { echo "bare-machine: no URIs line in $sources" >&2; exit 2; }

mounts=(proc sys dev dev/pts dev/shm tmp)
unmount_all() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    if mountpoint -q "$root/${mounts[i]}"; then umount -l "$root/${mounts[i]}" || true; fi
  done
}
trap unmount_all EXIT INT TERM

if [ "$fresh" = 1 ]; then rm -rf "$base"; fi
if [ ! -e "$base/.tsgis-bare-ready" ]; then
  rm -rf "$base"
  debootstrap --variant=minbase bookworm "$base" "$mirror"
  cp "$sources" "$base/etc/apt/sources.list.d/debian.sources"
  rm -f "$base/etc/apt/sources.list"
  cp /etc/resolv.conf "$base/etc/resolv.conf"
  chroot "$base" apt-get update
  # Only what a new machine has; everything else must come from the project's own install path.
  chroot "$base" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    python3 make g++ git ca-certificates
  # The host's Node 20 + npm, its headers (npm builds native addons against nodedir=/usr) and
  # npm's global config.
  cp -a /usr/bin/node "$base/usr/bin/node"
  mkdir -p "$base/usr/lib/node_modules" "$base/usr/include"
  cp -a "$(npm root -g)/npm" "$base/usr/lib/node_modules/npm"
  [ -d /usr/include/node ] && cp -a /usr/include/node "$base/usr/include/node"
  # npm's settings as this machine has them (global, system and root's own), among them
  # nodedir=/usr: without it node-gyp downloads the headers instead, which fails offline.
  mkdir -p "$base/usr/etc" "$base/root"
  if [ -f /usr/etc/npmrc ]; then cp /usr/etc/npmrc "$base/usr/etc/npmrc"; fi
  if [ -f /etc/npmrc ]; then cp /etc/npmrc "$base/etc/npmrc"; fi
  if [ -f /root/.npmrc ]; then cp /root/.npmrc "$base/root/.npmrc"; fi
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$base/usr/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$base/usr/bin/npx"
  touch "$base/.tsgis-bare-ready"
fi
unmount_all
# Never delete through a mount that is still attached (a bound /dev or /sys).
if grep -q " $root/" /proc/mounts; then echo "bare-machine: mounts remain under $root" >&2; exit 2; fi
rm -rf "$root"
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"

mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t tmpfs shm "$root/dev/shm"
mount -t tmpfs tmp "$root/tmp"

# A warm npm cache only saves downloads; the install path it exercises is the same.
cache=$(npm config get cache)
if [ -d "$cache" ]; then
  mkdir -p "$root/root/.npm"
  cp -a "$cache/." "$root/root/.npm/"
fi

# A fresh clone of the commit under test, alone in its folder: nothing may sit beside it.
rm -rf "$root/work"
mkdir -p "$root/work"
git clone --quiet --no-hardlinks "$repo" "$root/work/tsgis"
git -C "$root/work/tsgis" checkout --quiet "$commit"
echo "bare-machine: testing $commit in $root/work/tsgis (timeout ${minutes} min)"

start=$(date +%s)
status=0
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
  TERM=dumb CI=1 /bin/sh -c "cd /work/tsgis && exec timeout --kill-after=60 ${minutes}m npm test" ||
  status=$?
elapsed=$(($(date +%s) - start))
if [ "$status" = 0 ]; then
  echo "bare-machine: PASS in $((elapsed / 60)) min $((elapsed % 60)) s ($commit)"
else
  echo "bare-machine: FAIL (exit $status) after $((elapsed / 60)) min $((elapsed % 60)) s ($commit)"
fi
exit "$status"
