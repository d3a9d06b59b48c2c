#!/bin/busybox sh
# cvbench guest /init (busybox sh). The contract with the host (see KernelCmdline and InitramfsWriter):
#   cvbench.argv=<b64>,<b64>,...   the command to run, each argv element base64-encoded
#   cvbench.env=<b64>,...          KEY=VALUE pairs to export, each base64-encoded
#   cvbench.ip=ADDR/PREFIX[,GW]    static address for eth0 (lo is always brought up)
#   cvbench.hostname=NAME
# It prints, on the serial console:
#   cvbench-init: started     as soon as it runs (the host's init_started phase)
#   cvbench-init: exec        just before running the command
#   cvbench-init: exit N      the command's exit status, then powers the machine off
BB=/bin/busybox
echo "cvbench-init: started"
$BB mount -t proc proc /proc
$BB mount -t sysfs sysfs /sys
$BB mount -t devtmpfs devtmpfs /dev 2>/dev/null
$BB mkdir -p /tmp /run
$BB mount -t tmpfs tmpfs /tmp
$BB mount -t tmpfs tmpfs /run
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root

set -f
argv_b64=""; env_b64=""; ip_cfg=""; host_name=""
for p in $($BB cat /proc/cmdline); do
    case "$p" in
        cvbench.argv=*) argv_b64="${p#cvbench.argv=}" ;;
        cvbench.env=*) env_b64="${p#cvbench.env=}" ;;
        cvbench.ip=*) ip_cfg="${p#cvbench.ip=}" ;;
        cvbench.hostname=*) host_name="${p#cvbench.hostname=}" ;;
    esac
done

if [ -f /lib/modules/cvbench/order ]; then
    while read -r m; do
        $BB insmod "/lib/modules/cvbench/$m" || echo "cvbench-init: insmod $m failed"
    done < /lib/modules/cvbench/order
fi

[ -n "$host_name" ] && $BB hostname "$host_name"
$BB ip link set lo up
if [ -n "$ip_cfg" ]; then
    addr="${ip_cfg%%,*}"
    gw=""
    case "$ip_cfg" in *,*) gw="${ip_cfg#*,}" ;; esac
    $BB ip link set eth0 up && $BB ip addr add "$addr" dev eth0 || echo "cvbench-init: eth0 setup failed"
    [ -n "$gw" ] && { $BB ip route add default via "$gw" || echo "cvbench-init: default route failed"; }
fi

d64() { printf '%s' "$1" | $BB base64 -d; }
IFS=,
for e in $env_b64; do export "$(d64 "$e")"; done
set --
for a in $argv_b64; do set -- "$@" "$(d64 "$a")"; done
unset IFS
set +f

echo "cvbench-init: exec"
status=0
if [ $# -gt 0 ]; then
    "$@"
    status=$?
fi
echo "cvbench-init: exit $status"
$BB poweroff -f
