"""Put the small scripts that must run before Material's bundle into each page.

overrides/main.html loads hreflang-sitemap-guard.js, search-on-demand.js, material-on-input.js and
palette-before-material.js in <head>. As files, each would be a request that blocks the first
paint; inlined (without comments, by rjsmin) they add about 2 KB of gzip to a page and no request.
The CSP hook runs later and hashes them like Material's own inline scripts, so after editing one,
paste the policy that `python hooks/content_security_policy.py site` prints into docs/_headers
and deploy/nginx.conf.
"""

import re
from pathlib import Path

import rjsmin

INLINED = ("hreflang-sitemap-guard.js", "search-on-demand.js", "material-on-input.js", "palette-before-material.js")
TAG = re.compile(r'<script src="[^"]*assets/javascripts/(' + "|".join(map(re.escape, INLINED)) + r')"></script>')


def _inline(html, config):
    def replace(match):
        source = Path(config.docs_dir, "assets", "javascripts", match.group(1)).read_text(encoding="utf-8")
        return "<script>" + rjsmin.jsmin(source) + "</script>"

    return TAG.sub(replace, html)


def on_post_page(output, page, config):
    return _inline(output, config)


def on_post_template(output_content, template_name, config):
    return _inline(output_content, config) if template_name.endswith(".html") else output_content
