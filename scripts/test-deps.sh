#!/usr/bin/env bash
# `npm test` runs real peers: Debian's pymodbus (TCP, and RTU on socat's ptys), mosquitto
# (started by the tests on their own port, never as the system service), promtool
# and prometheus, nft, ip, tcpdump, systemd-analyze, curl, openssl and chromium (the status
# page's browser tests drive it with playwright-core; no browser is ever downloaded), and
# root for the network-namespace suite. On a fresh
# Debian/Ubuntu machine as root this installs what is missing; otherwise it
# names the packages and fails, rather than letting tests fail one by one.
set -u
need=()
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
/usr/bin/python3 -c 'import pymodbus' >/dev/null 2>&1 || need+=(python3-pymodbus)
/usr/bin/python3 -c 'import serial_asyncio' >/dev/null 2>&1 || need+=(python3-serial-asyncio)
command -v socat >/dev/null 2>&1 || need+=(socat)
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
command -v mosquitto_sub >/dev/null 2>&1 || need+=(mosquitto-clients)
command -v nft >/dev/null 2>&1 || need+=(nftables)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v tcpdump >/dev/null 2>&1 || need+=(tcpdump)
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "npm test: installing the Debian packages the tests use: ${need[*]}"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; then exit 0; fi
fi
echo "npm test needs these Debian packages: ${need[*]} (sudo apt-get install ${need[*]}), and root for test/e2e" >&2
exit 1
