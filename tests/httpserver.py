"""A real HTTP server on 127.0.0.1, run in a thread, serving the pages and feeds the ingest tests read.

Every text here is written for these tests (a made-up port strike in a made-up country).
"""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PARAS_A = [
    "The dock workers' union in Varnholm called an indefinite strike on Monday, halting cargo traffic at the country's two largest ports.",
    "Union leader Teodor Marsk said the walkout would continue until the port authority withdrew its plan to automate three container terminals.",
    "\u201cWe will not hand our jobs to machines without a fight,\u201d Marsk told reporters outside the union's headquarters in Eskerby.",
    "The port authority said in a statement that the automation plan would create more skilled jobs than it removed and that talks remained open.",
    "Transport Minister Ilse Varga urged both sides to return to the table before the end of the week, warning that fuel deliveries could run short.",
    "Shipping companies have begun diverting vessels to ports in neighbouring countries, according to the national shippers' council.",
]

PARAS_B = [
    "Farmers in the northern province of Lindmark began a three-day protest on Tuesday against a proposed cut to irrigation subsidies.",
    "Several hundred tractors blocked the main road into the provincial capital, Orrevik, for most of the morning.",
    "Agriculture Minister Paavo Renn said the government would publish a revised budget for the subsidy programme next month.",
    "\u201cThe cuts were decided without a single conversation with the people who grow the food,\u201d said Greta Holm, who chairs the regional farmers' association.",
    "Police said the protest had been peaceful and that no arrests were made.",
    "The provincial council is due to debate the subsidy plan on Thursday.",
]

PARAS_LATIN = [
    "Le conseil municipal de Saint-Aub\u00e9rie a approuv\u00e9 mercredi le budget de l'ann\u00e9e prochaine apr\u00e8s un d\u00e9bat de six heures.",
    "La maire, Ren\u00e9e Dutr\u00e9mont, a d\u00e9clar\u00e9 que les \u00e9coles et la voirie resteraient les priorit\u00e9s de la ville.",
    "L'opposition a vot\u00e9 contre le texte, estimant que les imp\u00f4ts locaux augmenteraient trop fortement.",
]


def article_page(title: str, paras: list[str], *, site: str = "Northern Ledger", date: str = "2024-03-04",
                 author: str = "Karin Olsen", canonical: str = "", heading_at: int = 3, charset: str = "utf-8") -> str:
    """A news page with navigation, metadata, a subheading, and a footer around the article."""
    body = []
    for i, p in enumerate(paras):
        if i == heading_at:
            body.append("<h2>What happens next</h2>")
        body.append(f"<p>{p}</p>")
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T07:30:00+00:00">
{canon}
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/contact">Contact</a></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{''.join(body)}
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Weather turns cold</a></li><li><a href="/y">Cup final tickets</a></li></ul></aside>
</main>
<footer><p>Copyright {site}. All rights reserved.</p></footer>
</body></html>"""


def table_layout_page(title: str, paras: list[str]) -> str:
    """An old table-layout page with no metadata but a dateline and a logo, and no charset declared."""
    body = "<br><br>".join(paras)
    return f"""<html><head><title>{title}</title></head>
<body><table width="100%"><tr><td><a href="/"><img src="/logo.gif" alt="Valley Gazette logo"></a></td></tr>
<tr><td class="menu"><a href="/a">News</a> | <a href="/b">Archive</a></td></tr>
<tr><td class="story"><font size="4"><b>{title}</b></font><br>
<span class="date">March 5, 2024</span><br><br>{body}</td></tr></table></body></html>"""


def rss_feed(base: str) -> str:
    """An RSS 2.0 feed: one entry with full content, one to fetch by its link, one pointing at a local file."""
    full = "".join(f"<p>{p}</p>" for p in PARAS_A)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Northern Ledger</title><link>{base}/</link><description>News</description>
<item><title>Dock workers strike over automation plan</title><link>{base}/strike.html</link>
<pubDate>Mon, 04 Mar 2024 07:30:00 +0000</pubDate><description>Ports halted.</description>
<content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>Farmers block roads over subsidy cut</title><link>{base}/farmers.html</link>
<pubDate>Tue, 05 Mar 2024 09:00:00 +0000</pubDate><description>Tractors in Orrevik.</description></item>
<item><title>Local secrets</title><link>file:///etc/passwd</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate><description>Nothing to see.</description></item>
</channel></rss>"""


class TestServer:
    """Serve `routes` (path -> (status, content type, body bytes, extra headers)) on 127.0.0.1."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes, dict]] = {}
        self.user_agents: list[str] = []
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                server.user_agents.append(self.headers.get("User-Agent", ""))
                server.requests.append(self.path)
                path = self.path
                if path == "/slow":
                    time.sleep(8)
                if path.startswith("/delay/"):  # half a second per request, to show fetching runs concurrently
                    time.sleep(0.5)
                    path = "/strike.html"
                if self.path == "/loop":
                    self.send_response(302)
                    self.send_header("Location", "/loop")
                    self.end_headers()
                    return
                if self.path == "/to-file":
                    self.send_response(302)
                    self.send_header("Location", "file:///etc/passwd")
                    self.end_headers()
                    return
                status, ctype, body, headers = server.routes.get(path, (404, "text/plain", b"not found", {}))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (size limit, timeout)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def add(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8", status: int = 200, **headers) -> str:
        self.routes[path] = (status, ctype, body.encode("utf-8") if isinstance(body, str) else body, headers)
        return self.base + path

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> "TestServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def standard_server() -> TestServer:
    """The server with every route the tests use."""
    s = TestServer()
    b = s.base
    s.add("/strike.html", article_page("Dock workers strike over automation plan", PARAS_A, canonical=f"{b}/strike.html"))
    s.add("/farmers.html", article_page("Farmers block roads over subsidy cut", PARAS_B, site="Lindmark Post", date="2024-03-05"))
    s.add("/feed.xml", rss_feed(b), ctype="application/rss+xml")
    s.add("/relative.atom", """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Lindmark Post</title>
<id>urn:p</id><updated>2024-03-05T09:00:00Z</updated><entry><title>Farmers</title><id>urn:f</id>
<link href="/farmers.html"/><updated>2024-03-05T09:00:00Z</updated><summary>Tractors.</summary></entry></feed>""",
          ctype="application/atom+xml")
    s.add("/notxml.rss", "this is plain text, not a feed at all", ctype="application/rss+xml")
    s.add("/empty.html", "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    s.add("/image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + b"\0" * 64, ctype="image/png")
    s.add("/big.html", article_page("A very long page", PARAS_A * 2000))
    s.add("/slow", "late", ctype="text/plain")
    s.add("/old.html", table_layout_page("Budget vote in the town council", PARAS_LATIN).encode("cp1252"), ctype="text/html")
    return s
