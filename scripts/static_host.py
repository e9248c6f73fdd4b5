"""Serve a built site the way Netlify or Cloudflare Pages would: with the headers from its
`_headers` file (so the header CSP applies on top of each page's meta CSP), 404.html for missing
paths, and pages revalidated on every visit unless a rule says otherwise (the hosts' default).
Used by the browser tests and, with gzip and a request log, by scripts/bench.
"""

import functools
import gzip
import http.server
import os
import re
import threading
from pathlib import Path


def parse_headers_file(text: str):
    """[(compiled path pattern, {header: value})] from a Netlify/Cloudflare `_headers` file."""
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = "^" + ".*".join(re.escape(part) for part in line.strip().split("*")) + "$"
            rules.append((re.compile(pattern), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(path: str, rules) -> dict:
    headers = {}
    for pattern, values in rules:
        if pattern.match(path):
            headers.update(values)
    return headers


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class Handler(http.server.SimpleHTTPRequestHandler):
    rules = ()
    compress = False
    log = None  # a list: (path, status, body bytes sent, uncompressed bytes)

    def log_message(self, *args):
        pass

    def end_headers(self):
        headers = headers_for(self.path.split("?")[0], self.rules)
        headers.setdefault("Cache-Control", "no-cache")
        for name, value in headers.items():
            self.send_header(name, value)
        self._record()
        super().end_headers()

    def _record(self):
        """Log the response before anything of it is sent: once a client has it, the log has it."""
        entry, self._entry = getattr(self, "_entry", None), None
        if self.log is None or entry is None:
            return
        if callable(entry):
            entry = entry()
        if entry:
            self.log.append(entry)

    def send_response(self, code, message=None):
        self._status = code
        super().send_response(code, message)

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        wants_gzip = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.endswith(COMPRESSIBLE) and os.path.isfile(path)) or self.headers.get("If-Modified-Since"):
            self._status = None

            def entry():
                size = os.path.getsize(path) if self._status == 200 and os.path.isfile(path) else 0
                return (self.path, self._status, size, size) if self._status else None

            self._entry = entry
            super().do_GET()
            return
        raw = Path(path).read_bytes()
        body = gzip.compress(raw, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
        self._entry = (self.path, 200, len(body), len(raw))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(site: Path, port: int = 0, headers_file: Path = None, compress=False, log=None):
    """Start a server in a thread; return (server, base URL). Call server.shutdown() when done.
    headers_file defaults to the site's own _headers."""
    headers_file = headers_file or site / "_headers"
    rules = parse_headers_file(headers_file.read_text(encoding="utf-8")) if headers_file.exists() else []
    attributes = {"rules": rules, "compress": compress, "log": log}
    handler = functools.partial(type("SiteHandler", (Handler,), attributes), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
