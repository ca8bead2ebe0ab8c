"""HTML pages written for the ingest tests (fictional, not copied from any outlet)."""

from __future__ import annotations

BODY = ("The foreign ministers of France and Germany met in Berlin on Tuesday to discuss a new trade "
        "agreement between the two countries, officials said.",
        "The talks lasted four hours and ended with a joint statement promising closer cooperation on "
        "energy and security in the coming year.",
        "A spokesman for the German foreign ministry said further meetings were planned for the spring.")


def page(title: str = "Envoys meet in Berlin", date: str | None = "2024-03-05T10:00:00Z",
         url: str | None = "https://www.ledger.example.com/world/envoys-meet", body: tuple[str, ...] = BODY) -> bytes:
    """A news page with navigation, share buttons and footer clutter around the article."""
    meta = [f'<meta property="og:title" content="{title}">', '<meta property="og:site_name" content="The Ledger">',
            '<meta name="author" content="Jane Roe">']
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}">')
    if url:
        meta.append(f'<link rel="canonical" href="{url}">')
    paras = "\n".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | The Ledger</title>{''.join(meta)}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li>
<li><a href="/subscribe">Subscribe to our newsletter today</a></li></ul></nav>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<article><h1>{title}</h1>
{paras}
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Celebrity chef opens bakery</a></li></ul></aside>
<footer><p>Copyright 2024 The Ledger. All rights reserved. Privacy policy. Cookie settings.</p></footer>
</body></html>""".encode()
