#!/usr/bin/env bash
# Installs what is missing, builds, and starts the demo on the embedded dev store.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh default
bin=build/bin

if [ -x "$bin/cocart-demo" ] && [ "${COCART_DEMO:-app}" = app ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec "$bin/cocart-demo" "$@"
fi

# No display (or no app yet): the dev store plus the command-line client against it.
log=$(mktemp)
"$bin/cocart-devstore" --port 0 --log-requests >"$log" &
store_pid=$!
trap 'kill $store_pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q '^CoCart devstore listening on ' "$log" && break; sleep 0.1; done
url=$(sed -n 's/^CoCart devstore listening on \(http[^ ]*\).*/\1/p' "$log" | head -n1)
[ -n "$url" ] || { cat "$log"; echo "the dev store did not start" >&2; exit 1; }
echo "Dev store: $url (demo customer: customer1 / customer-pass-123)"
cocart() { "$bin/cocart" --store "$url" --token-store memory "$@"; }
echo "\$ cocart login customer1"
COCART_PASSWORD=customer-pass-123 "$bin/cocart" --store "$url" --token-store memory login customer1
echo
echo "Requests the store saw:"
sleep 0.2
grep -v '^CoCart devstore listening' "$log" || true
echo
echo "The store keeps running until you press Ctrl+C. Try:"
echo "  COCART_PASSWORD=customer-pass-123 $bin/cocart --store $url login customer1"
echo "  $bin/cocart --store $url whoami"
wait $store_pid
