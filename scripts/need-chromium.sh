#!/usr/bin/env bash
# Makes sure the browser test can run: Debian's Chromium and a CJK font (without one, Chinese
# renders as boxes). When either is missing it installs them with apt-get as root (or through sudo
# when sudo needs no password); otherwise it stops at once and says exactly what to install.
#
#   CHROMIUM      the Chromium to look for, a command or a path (default chromium; the browser
#                 test uses CHROMIUM too, default /usr/bin/chromium)
#   CJK_FONT      what `fc-list` must list, case-insensitive (default wqy: fonts-wqy-microhei)
#   NEED_CHROMIUM_DRY_RUN=1   say what would be installed instead of installing it
set -euo pipefail

chromium=${CHROMIUM:-chromium}
font=${CJK_FONT:-wqy}
packages=(chromium fonts-wqy-microhei)

# The packages of `packages` whose command or font is missing.
missing() {
  local out=()
  command -v "$chromium" >/dev/null 2>&1 || out+=("${packages[0]}")
  # (read whole, not piped into grep -q: pipefail would count fc-list's broken pipe)
  local fonts
  fonts=$(fc-list 2>/dev/null || true)
  grep -qi -- "$font" <<<"$fonts" || out+=("${packages[1]}")
  echo "${out[@]}"
}

read -r -a need <<<"$(missing)"
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  cat >&2 <<MSG
need-chromium: the browser test needs Debian's Chromium and a CJK font; missing here: ${need[*]}.
This user cannot install packages (not root, no sudo without a password). Install them, then run
make again:
  sudo apt-get update && sudo apt-get install -y ${need[*]}
MSG
  if [ "${need[0]}" = chromium ]; then echo "(or point CHROMIUM at a Chromium installed elsewhere)" >&2; fi
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "need-chromium: ${need[*]} missing and no apt-get here: install Chromium and a CJK font (WenQuanYi Micro Hei) with this system's package manager" >&2
  exit 1
fi

# As root (or through sudo), non-interactive, waiting up to 5 minutes for another apt-get or
# dpkg to finish rather than failing on its lock.
apt=(${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
if [ "${NEED_CHROMIUM_DRY_RUN:-}" = 1 ]; then
  echo "need-chromium: would run: ${apt[*]} update -qq && ${apt[*]} install -y -qq ${need[*]}"
  exit 0
fi
echo "need-chromium: installing ${need[*]} with apt-get (about 20 s)" >&2
"${apt[@]}" update -qq
"${apt[@]}" install -y -qq "${need[@]}" >/dev/null

read -r -a still <<<"$(missing)"
if [ ${#still[@]} -gt 0 ]; then
  echo "need-chromium: still missing after apt-get install: ${still[*]} (CHROMIUM=$chromium, CJK_FONT=$font)" >&2
  exit 1
fi
echo "need-chromium: installed ${need[*]}" >&2
