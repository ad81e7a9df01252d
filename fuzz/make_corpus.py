#!/usr/bin/env python3
"""Makes the fuzzers' seed corpus (fuzz/corpus/<target>/) from the recorded exchanges with the
real store (transcripts*.md: ```http blocks). Usage: make_corpus.py TRANSCRIPT.md... OUTDIR

fuzz_jwt: every JWT; fuzz_reply: every response (status byte, headers, body); fuzz_money: the
price strings of the bodies; fuzz_devstore_request: every request, with its Bearer and refresh
token replaced by $JWT / $REFRESH (the fuzzer substitutes live ones). Names are content hashes,
so running it again adds nothing twice."""
import hashlib
import os
import re
import sys

STATUSES = [200, 201, 204, 0, 301, 302, 307, 400, 401, 403, 404, 408, 429, 500, 502, 503]
JWT = re.compile(rb"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
REFRESH = re.compile(rb"\b[0-9a-f]{128}\b")
PRICE = re.compile(rb'"(?:price|regular_price|sale_price|subtotal|total|amount|[a-z_]*_total)"'
                   rb'\s*:\s*"?(-?[0-9][0-9.,]*)"?')


def blocks(text):
    return re.findall(r"```http\n(.*?)```", text, re.S)


def save(outdir, target, data):
    folder = os.path.join(outdir, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)


def main():
    *sources, outdir = sys.argv[1:]
    # CoCart's money forms beside the recorded ones (minor units, decimals, edge values).
    for text in [b"1250", b"12.5", b"25.00", b"0", b"-0", b"9223372036854775807", b"1e5",
                 b"1,234.56", b"0.005", b" 12 "]:
        for minor in (0, 2, 3):
            save(outdir, "fuzz_money", bytes([minor]) + text)
    for source in sources:
        for block in blocks(open(source, encoding="utf-8").read()):
            raw = block.encode()
            head, _, body = raw.partition(b"\n\n")
            lines = head.split(b"\n")
            first = lines[0]
            for token in JWT.findall(raw):
                save(outdir, "fuzz_jwt", token)
            if first.startswith(b"HTTP/"):
                status = int(first.split()[1])
                selector = STATUSES.index(status) if status in STATUSES else 0
                save(outdir, "fuzz_reply",
                     bytes([selector]) + b"\n".join(lines[1:]) + b"\n\n" + body)
                for price in PRICE.findall(body):
                    save(outdir, "fuzz_money", b"\x02" + price)
            else:
                parts = first.split(b" ")
                if len(parts) < 2:
                    continue
                request = b"\n".join([parts[0] + b" " + parts[1]] + lines[1:]) + b"\n\n" + body
                request = JWT.sub(b"$JWT", request)
                request = REFRESH.sub(b"$REFRESH", request)
                save(outdir, "fuzz_devstore_request", request)


if __name__ == "__main__":
    main()
