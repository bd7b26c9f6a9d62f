#!/usr/bin/env python3
"""A local stand-in for AWS's Price List bulk API, for the tests.

It writes offer files in the real grammar (offers/v1.0/aws/index.json, each
Bedrock offer's region_index.json, one offer file per region; see
docs/price-list.md) and serves them on 127.0.0.1 with http.server. A first
path segment picks how the offer files come:

  /plain/...      as they are
  /gzip/...       with Content-Encoding: gzip
  /gzfile/...     the region indexes point at index.json.gz files
  /slow/...       headers and a few bytes, then nothing (Cancel, timeout)
  /cut/...        the full Content-Length, half the body, then the connection closes
  /truncated/...  half the JSON with a matching Content-Length
  /html/...       an HTML page instead of JSON
  /404/... /500/...  that HTTP status

Run as a program (`--serve`) it prints the port and serves until killed or
until --seconds pass; imported, LocalPriceList starts it in a thread.
"""

import argparse
import gzip
import http.server
import json
import os
import socketserver
import sys
import threading
import time

OFFERS = ["AmazonBedrock", "AmazonBedrockFoundationModels", "AmazonBedrockService"]
PREFIX = {"us-east-1": "USE1", "eu-central-1": "EUC1", "ap-northeast-1": "APN1"}
VERSION = "20261124080000"
PUBLISHED = "2026-11-24T08:00:00Z"

# (model attribute or Marketplace edition, usage type after the region prefix,
#  USD as AWS writes it, unit) for us-east-1; "changed" prices differ from the
# built-in card, "new" models are not in it.
BEDROCK_ROWS = [
    ("Nova Micro", "NovaMicro-input-tokens", "0.0000350000", "1K tokens"),
    ("Nova Micro", "NovaMicro-output-tokens", "0.0001400000", "1K tokens"),
    ("Nova Lite", "NovaLite-input-tokens", "0.0000600000", "1K tokens"),
    ("Nova Lite", "NovaLite-output-tokens", "0.0002400000", "1K tokens"),
    ("Nova Pro", "NovaPro-input-tokens", "0.0008000000", "1K tokens"),
    ("Nova Pro", "NovaPro-output-tokens", "0.0036000000", "1K tokens"),  # changed: 3.20 → 3.60
    ("Nova Pro", "NovaPro-input-tokens-batch", "0.0004000000", "1K tokens"),
    ("Nova Pro", "NovaPro-output-tokens-batch", "0.0018000000", "1K tokens"),
    ("Nova Pro", "NovaPro-cache-read-input-token-count", "0.0002000000", "1K tokens"),
    ("Nova Pro", "NovaPro-input-tokens-priority", "0.0014000000", "1K tokens"),
    ("Nova Pro", "NovaPro-output-tokens-priority", "0.0063000000", "1K tokens"),
    ("Nova Pro", "NovaPro-input-tokens-flex", "0.0004000000", "1K tokens"),
    ("Nova Pro", "NovaPro-output-tokens-flex", "0.0018000000", "1K tokens"),
    ("Llama 3.3 70B Instruct", "Llama3-3-70B-input-tokens", "0.0006500000", "1K tokens"),  # changed
    ("Llama 3.3 70B Instruct", "Llama3-3-70B-output-tokens", "0.0006500000", "1K tokens"),  # changed
    ("Mistral Large 3", "Mistral-Large-3-675b-Instruct-input-tokens", "0.0005000000", "1K tokens"),
    ("Mistral Large 3", "Mistral-Large-3-675b-Instruct-output-tokens", "0.0015000000", "1K tokens"),
    ("Mistral Large 3", "mistral.mistral-large-3-675b-instruct-mantle-output-tokens-priority",
     "0.0026300000", "1K tokens"),
    ("GLM 5", "zai.glm5-input-tokens", "0.0010000000", "1K tokens"),  # the card's zai.glm-5
    ("GLM 5", "zai.glm5-output-tokens", "0.0032000000", "1K tokens"),
    ("GLM 5", "zai.glm5-mantle-input-tokens-flex", "0.0005000000", "1K tokens"),
    ("Qwen3 32B", "qwen.qwen3-32b-input-tokens", "0.0001500000", "1K tokens"),  # the card's
    ("Qwen3 32B", "qwen.qwen3-32b-output-tokens", "0.0006000000", "1K tokens"),
    ("Nova Micro", "NovaMicro-Model-Customization-input-tokens", "0.0010000000", "1K tokens"),
]
MARKETPLACE_ROWS = [
    ("Claude Haiku 4.5", "InputTokenCount", "1.1000000000", "1M tokens"),
    ("Claude Haiku 4.5", "OutputTokenCount", "5.5000000000", "1M tokens"),
    ("Claude Haiku 4.5", "InputTokenCount_Global", "1.0000000000", "1M tokens"),
    ("Claude Haiku 4.5", "OutputTokenCount_Global", "5.0000000000", "1M tokens"),
    ("Claude Haiku 4.5", "CacheWrite1hInputTokenCount", "2.2000000000", "1M tokens"),  # new price
    ("Claude Sonnet 4.5", "InputTokenCount", "3.3000000000", "1M tokens"),
    ("Claude Sonnet 4.5", "OutputTokenCount", "16.5000000000", "1M tokens"),
    ("Claude Sonnet 4.5", "InputTokenCount_Global", "3.0000000000", "1M tokens"),
    ("Claude Sonnet 4.5", "OutputTokenCount_Global", "15.0000000000", "1M tokens"),
    ("Claude Sonnet 4.5", "CacheReadInputTokenCount_Global", "0.3000000000", "1M tokens"),
    ("Claude Sonnet 4.5", "Reserved_1Month_InputTPM_Geo", "0.1980000000", "hour"),
    ("Claude Sonnet 4.5", "Reserved_1Month_OutputTPM_Geo", "0.9900000000", "hour"),
    ("Claude Opus 5.5", "input_tokens_standard", "4.4000000000", "1M tokens"),  # the card's
    ("Claude Opus 5.5", "output_tokens_standard", "22.0000000000", "1M tokens"),
    ("Claude Opus 5.5", "input_tokens_global_standard", "4.0000000000", "1M tokens"),
    ("Claude Opus 5.5", "output_tokens_global_standard", "20.0000000000", "1M tokens"),
    ("Claude Opus 5.5", "cache_write_tokens_1h_standard", "8.8000000000", "1M tokens"),
    ("Claude Mythos 5", "input_tokens_standard", "11.0000000000", "1M tokens"),  # new
    ("Claude Mythos 5", "output_tokens_standard", "55.0000000000", "1M tokens"),
    ("Claude Mythos Preview", "InputTokenCount", "27.5000000000", "1M tokens"),  # new
    ("Claude Mythos Preview", "OutputTokenCount", "137.5000000000", "1M tokens"),
]

SERVICE_ROWS = [
    ("Guardrails", "Guardrails-ContentPolicy-TextUnits", "0.1500000000", "1K text units"),
]


def sku_of(offer, index):
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    state = (hash_text(offer) * 1000003 + index * 7919) & 0xFFFFFFFFFFFF
    out = ""
    for _ in range(16):
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        out += alphabet[(state >> 33) % len(alphabet)]
    return out


def hash_text(text):
    value = 1469598103934665603
    for char in text.encode():
        value = ((value ^ char) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return value


def offer_file(offer, region, rows, scale=1.0):
    """One region's bulk offer file, in the shape AWS publishes."""
    prefix = PREFIX[region]
    products, on_demand = {}, {}
    for index, (name, usage, usd, unit) in enumerate(rows):
        sku = sku_of(offer + region, index)
        marketplace = offer == "AmazonBedrockFoundationModels"
        attributes = {"servicecode": offer, "location": region, "locationType": "AWS Region",
                      "regionCode": region, "operation": "Usage"}
        if marketplace:
            attributes["usagetype"] = f"{prefix}-MP:{prefix}_{usage}-Units"
            attributes["servicename"] = f"{name} (Amazon Bedrock Edition)"
        else:
            attributes["usagetype"] = f"{prefix}-{usage}"
            attributes["model"] = name
            attributes["feature"] = ("Model Customization" if "Customization" in usage
                                     else "Batch Inference" if usage.endswith("-batch")
                                     else "On-demand Inference")
        value = f"{float(usd) * scale:.10f}"
        products[sku] = {"sku": sku, "productFamily": "Amazon Bedrock", "attributes": attributes}
        term = f"{sku}.JRTCKXETXF"
        on_demand[sku] = {term: {
            "offerTermCode": "JRTCKXETXF", "sku": sku, "effectiveDate": "2026-11-01T00:00:00Z",
            "priceDimensions": {f"{term}.6YS6EN2CT7": {
                "rateCode": f"{term}.6YS6EN2CT7",
                "description": f"{'AWS Marketplace software usage' if marketplace else 'Amazon Bedrock'}|{region}|{usage}",
                "beginRange": "0", "endRange": "Inf", "unit": unit,
                "pricePerUnit": {"USD": value}, "appliesTo": []}},
            "termAttributes": {}}}
    return {"formatVersion": "v1.0", "disclaimer": "Test offer in the AWS Price List grammar.",
            "offerCode": offer, "version": VERSION, "publicationDate": PUBLISHED,
            "products": products, "terms": {"OnDemand": on_demand}, "attributesList": {}}


def write_offers(folder, regions=("us-east-1", "eu-central-1"), padding=0):
    """Writes the server's tree under `folder`; `padding` extra rows a file."""
    root = os.path.join(folder, "offers", "v1.0", "aws")
    os.makedirs(root, exist_ok=True)
    index = {"formatVersion": "v1.0", "disclaimer": "test", "publicationDate": PUBLISHED,
             "offers": {}}
    for offer in OFFERS + ["AmazonEC2"]:
        index["offers"][offer] = {
            "offerCode": offer,
            "versionIndexUrl": f"/offers/v1.0/aws/{offer}/index.json",
            "currentVersionUrl": f"/offers/v1.0/aws/{offer}/current/index.json",
            "currentRegionIndexUrl": f"/offers/v1.0/aws/{offer}/current/region_index.json"}
    dump(os.path.join(root, "index.json"), index)
    for offer in OFFERS:
        regions_index = {"formatVersion": "v1.0", "disclaimer": "test",
                         "publicationDate": PUBLISHED, "regions": {}}
        for region in regions:
            path = f"/offers/v1.0/aws/{offer}/{VERSION}/{region}/index.json"
            regions_index["regions"][region] = {"regionCode": region, "currentVersionUrl": path}
            rows = (BEDROCK_ROWS if offer == "AmazonBedrock"
                    else MARKETPLACE_ROWS if offer == "AmazonBedrockFoundationModels"
                    else SERVICE_ROWS)
            rows = rows + [(f"Padding Model {i // 2}", f"PaddingModel{i // 2}-Model-Customization-"
                            f"{'input' if i % 2 == 0 else 'output'}-tokens", "0.0010000000",
                            "1K tokens") for i in range(padding)]
            scale = 1.2 if region == "eu-central-1" else 1.0
            document = offer_file(offer, region, rows, scale)
            dump(folder + path, document)
            with gzip.open(folder + path + ".gz", "wb") as out:
                out.write(json.dumps(document, indent=4).encode())
        dump(os.path.join(root, offer, "current", "region_index.json"), regions_index)


def dump(path, document):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=4)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    folder = "."
    stop = threading.Event()

    def log_message(self, *args):
        pass

    def send_body(self, body, content_type="application/json", extra=None, length=None):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.split("/", 2)
        if len(parts) < 3:
            self.send_error(404)
            return
        mode, rest = parts[1], "/" + parts[2]
        path = os.path.join(self.folder, rest.lstrip("/"))
        is_offer = "/" + VERSION + "/" in rest
        if mode in ("404", "500") and is_offer:
            self.send_error(int(mode))
            return
        if not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as source:
            body = source.read()
        if rest.endswith(".json") and not is_offer:
            # The indexes name root-relative URLs; keep the mode in them.
            body = body.replace(b'"/offers/', f'"/{mode}/offers/'.encode())
            if mode == "gzfile":
                body = body.replace(b'/index.json"', b'/index.json.gz"') if b'"regions"' in body else body
        if not is_offer or mode in ("plain", "gzfile"):
            self.send_body(body, "application/gzip" if rest.endswith(".gz") else "application/json")
        elif mode == "gzip":
            self.send_body(gzip.compress(body), extra={"Content-Encoding": "gzip"})
        elif mode == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:100])
            self.wfile.flush()
            self.stop.wait(60)
        elif mode == "cut":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif mode == "truncated":
            self.send_body(body[: len(body) // 2])
        elif mode == "html":
            self.send_body(b"<html><body><h1>Service Unavailable</h1></body></html>", "text/html")
        else:
            self.send_error(404)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class LocalPriceList:
    """Serves `folder` on 127.0.0.1 in a thread: `with LocalPriceList(f) as base:`."""

    def __init__(self, folder):
        handler = type("BoundHandler", (Handler,), {"folder": folder, "stop": threading.Event()})
        self.handler = handler
        self.server = Server(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *args):
        self.handler.stop.set()
        self.server.shutdown()
        self.server.server_close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", required=True)
    parser.add_argument("--serve", action="store_true", help="serve and print the port")
    parser.add_argument("--seconds", type=float, default=600, help="stop after this long")
    parser.add_argument("--padding", type=int, default=0, help="extra rows in each offer file")
    arguments = parser.parse_args()
    write_offers(arguments.folder, padding=arguments.padding)
    if not arguments.serve:
        return 0
    with LocalPriceList(arguments.folder) as base:
        print(base.rsplit(":", 1)[1], flush=True)
        deadline = time.monotonic() + arguments.seconds
        while time.monotonic() < deadline:
            if sys.stdin.closed:
                break
            time.sleep(0.2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
