#!/usr/bin/env bash
# Pictures of the devstore's website stand-ins that the demo's "Checkout on the store" button opens
# (docs/screenshots/checkout-*.png): a guest cart loaded with its cocart-load-cart link (desktop and
# phone width) and a customer's checkout after signing in on the website. Not part of CI: it needs
# Debian's chromium (headless) and a built tree (scripts/build.sh). Usage: scripts/web-screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=$PWD/docs/screenshots
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
tmp=$(mktemp -d)
port=18$(( RANDOM % 900 + 100 ))
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data QT_QPA_PLATFORM=offscreen
"$build/bin/cocart-devstore" --port "$port" >"$tmp/devstore.log" 2>&1 &
store_pid=$!
trap 'kill $store_pid; rm -rf "$tmp"' EXIT
store=http://127.0.0.1:$port
for _ in $(seq 50); do curl -sf "$store/wp-json/cocart/v2/store" >/dev/null && break; sleep 0.1; done

shoot() { # SIZE FILE URL
  timeout 60 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$tmp/chromium" --virtual-time-budget=3000 --window-size="$1" \
    --screenshot="$2" "$3" >/dev/null 2>&1
  echo "wrote $2"
}

# A guest cart made with the CLI, opened through the link Cart::checkoutUrl() gives a guest.
cli=("$build/bin/cocart" --store "$store" --token-store memory)
"${cli[@]}" add 13 2 >/dev/null
"${cli[@]}" add 18 1 >/dev/null
"${cli[@]}" add 20 1 >/dev/null
guest_url=$("${cli[@]}" checkout-url)
shoot 1024,640 "$out/checkout-guest.png" "$guest_url"
shoot 360,640 "$out/checkout-guest-phone.png" "$guest_url"

# A customer's cart (REST API, Basic auth), then the website's sign-in form posted with
# redirect_to=/checkout/, as the customer's checkout link leads them.
for body in '{"id":"21","quantity":"2","variation":{"attribute_size":"M"}}' '{"id":"17","quantity":"1"}'; do
  curl -sf -u customer1:customer-pass-123 -H 'Content-Type: application/json' -d "$body" \
    "$store/wp-json/cocart/v2/cart/add-item" >/dev/null
done
cat >"$tmp/signin.html" <<HTML
<html><body onload="document.forms[0].submit()"><form method="post" action="$store/wp-login.php">
<input name="log" value="customer1"><input name="pwd" value="customer-pass-123">
<input name="redirect_to" value="$store/checkout/"></form></body></html>
HTML
shoot 1024,640 "$out/checkout-customer.png" "file://$tmp/signin.html"
