#!/usr/bin/env bash
# Installs the Debian packages cvbench needs, idempotently, saying which and why.
# Called by ./cvbench (before `run`), ./run-tests and `cvbench doctor --fix`.
# Usage: scripts/setup-host.sh [--quiet]   (--quiet: print nothing when all is present)
set -euo pipefail

quiet=0
[[ "${1:-}" == "--quiet" ]] && quiet=1

# package|why
NEEDED=(
  "openjdk-17-jdk-headless|build cvbench and jlink the guest JRE"
  "maven|build cvbench"
  "gcc|build the container init helper and the C triad reference"
  "libc6-dev|static linking of the init helper"
  "busybox-static|userland of the guest image (containers and VMs)"
  "qemu-system-x86|run VMs (KVM, or TCG emulation without /dev/kvm)"
  "libvirt0|libvirt library, used through libvirt-java"
  "libvirt-daemon-driver-qemu|libvirt's QEMU driver, used embedded (no daemon)"
  "libvirt-daemon|libvirt's helpers and secondary drivers the embedded QEMU driver loads (starts no service)"
  "containernetworking-plugins|CNI bridge, host-local and loopback plugins"
  "iproute2|bridges, veths and network namespaces"
  "iptables|CNI bridge plugin dependency"
  "runc|reference runtime for the container start benchmark"
  "crun|reference runtime for the container start benchmark"
  "iperf3|reference for the network benchmarks"
  "fontconfig|font lookup for chart rendering (JFreeChart)"
  "fonts-dejavu-core|fonts for chart text"
  "xz-utils|decompress guest kernel modules"
  "zstd|decompress guest kernel modules"
)

missing=()
reasons=()
for entry in "${NEEDED[@]}"; do
  pkg=${entry%%|*}
  why=${entry#*|}
  if ! dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null | grep -q '^ii'; then
    missing+=("$pkg")
    reasons+=("  $pkg: $why")
  fi
done

# libvirt's embedded QEMU driver runs QEMU as libvirt-qemu and refuses to start without that user.
# libvirt-daemon-system would create it, but also installs and starts daemons we do not want.
ensure_libvirt_user() {
  if getent passwd libvirt-qemu >/dev/null; then return 0; fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: user libvirt-qemu is missing and only root can create it: run as root (sudo $0)" >&2
    exit 3
  fi
  getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
  useradd -r -g libvirt-qemu -d /nonexistent -s /usr/sbin/nologin libvirt-qemu
  echo "setup: created system user libvirt-qemu (libvirt's embedded QEMU driver needs it)"
}

# The guest kernel is fetched with `apt-get download`, which needs package lists even when every
# package above is installed (a fresh container image often has none).
ensure_package_lists() {
  if [[ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' 2>/dev/null | head -1)" ]]; then return 0; fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: no apt package lists (needed to fetch the guest kernel) and only root can fetch them: run as root (sudo $0)" >&2
    exit 3
  fi
  echo "setup: fetching apt package lists (apt-get update): the guest kernel comes from Debian's archive"
  apt-get update -qq
}

if [[ ${#missing[@]} -eq 0 ]]; then
  ensure_package_lists
  ensure_libvirt_user
  [[ $quiet -eq 1 ]] || echo "setup: all ${#NEEDED[@]} required Debian packages are installed"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing Debian package(s):"
printf '%s\n' "${reasons[@]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "setup: cannot install without root: run as root (sudo $0), or install them yourself: apt-get install ${missing[*]}" >&2
  exit 3
fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists if they are missing or older than a day.
if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mtime -1 2>/dev/null | head -1)" ]]; then
  apt-get update -qq
fi
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/cvbench-apt.log 2>&1 || {
  echo "setup: apt-get install failed; last lines of /tmp/cvbench-apt.log:" >&2
  tail -n 15 /tmp/cvbench-apt.log >&2
  exit 3
}
ensure_libvirt_user
echo "setup: done"
