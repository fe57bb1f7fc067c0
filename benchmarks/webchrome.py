"""Synthetic web pages and text dumps: dev-set articles wrapped in randomized site chrome.

The cleaner has to cope with "real web pages and their text dumps": a page's visible text
saved as .txt, full of navigation menus, tickers, cookie banners, share bars, newsletter
boxes, "READ MORE:" links, ADVERTISEMENT breaks, photo credits, author bios, comments,
"Most popular" lists and footers. This module builds such pages around article bodies taken
from the dev sets, so every line of the result is labelled (body, title, or which junk) and
the cleaner can be scored line by line.

Every kind of junk has a list of phrasings; a fixed shuffle splits each list in half into
the ``dev`` templates (looked at while improving the cleaner) and the ``heldout`` templates
(never looked at while improving it, only scored), so the held-out numbers show how far the
rules carry over to phrasings they were not written against. The same articles are wrapped
with both template sets.

    python -m benchmarks.webchrome --out build/webchrome [--templates dev|heldout] [--data DIR]

writes ``<id>.txt`` (the text dump), ``<id>.html`` (the page) and ``<id>.json`` (the labelled
lines) for each article. Everything is seeded: the same data gives the same files.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.segment import sentence_spans

SEED = 20261124
TEMPLATE_SETS = ("dev", "heldout")
ARTICLES = 60

# ---------------------------------------------------------------------------------------
# Phrasings. Each list is split in half (fixed shuffle) into dev and held-out templates.
# Placeholders: {site} {name} {headline} {n} {k} {time} {date} {city} {handle} {caption}
# {email} {role} {user}.
# ---------------------------------------------------------------------------------------

# fmt: off
SECTIONS = [
    "World", "U.S.", "Politics", "Business", "Tech", "Science", "Health", "Sports",
    "Entertainment", "Opinion", "Video", "Podcasts", "Weather", "Local", "Lifestyle", "Travel",
    "Food", "Markets", "Climate", "Education", "Crime", "Obituaries", "Puzzles", "Arts", "Books",
    "Style", "Real Estate", "Autos", "Jobs", "Photos", "Live TV", "Games", "Middle East", "Europe",
    "Asia", "Africa", "Americas", "Economy", "Culture", "Media", "Investigations", "Fact Check",
    "Elections", "Newsletters", "Events", "Crosswords", "Horoscopes", "Comics", "Traffic", "Money",
]
NAV_UTILITY = [
    "Home", "Menu", "Search", "Sign In", "Log in", "Subscribe", "Skip to main content",
    "Toggle navigation", "Edition: US", "Español", "My Account", "Register", "Close", "Open menu",
    "Today's Paper", "Go", "More", "Sections", "Latest", "Account", "Subscribe now", "Give a gift",
    "All sections", "e-Edition",
]
TICKER_HEADERS = [
    "Just in:", "BREAKING NEWS", "Breaking:", "Latest:", "LIVE", "Top Stories", "Developing",
    "News Alert", "Happening now", "In case you missed it",
]
TICKER_LINES = [
    "BREAKING: {headline}", "LIVE: {headline}", "Just in: {headline}", "DEVELOPING: {headline}",
    "ALERT: {headline}", "UPDATE: {headline}", "Breaking News: {headline}",
    "WATCH LIVE: {headline}",
]
TICKER_SEPARATORS = [
    " // ", " | ", " • ", " ··· ", " — ",
]
COOKIE = [
    [
        "We use cookies to improve your experience on our site. By continuing to browse, you "
        "agree to our use of cookies.",
        "Accept", "Learn more",
    ],
    [
        "This website uses cookies to ensure you get the best experience.", "Got it!",
    ],
    [
        "We value your privacy",
        "We and our partners store and/or access information on a device, such as cookies, and "
        "process personal data for personalised ads and content.",
        "Accept all", "Manage preferences",
    ],
    [
        "Cookie Policy",
        "By clicking “Accept All Cookies”, you agree to the storing of cookies on your device "
        "to enhance site navigation.",
        "Accept All Cookies", "Cookie Settings",
    ],
    [
        "Your privacy choices",
        "We use cookies and similar technologies to personalize content and analyze traffic.",
        "I agree", "Reject all",
    ],
    [
        "This site uses cookies. Read our cookie policy for more information.", "OK",
    ],
    [
        "Consent",
        "We and 143 partners use cookies to store and access personal data on your device.",
        "Agree and close", "Options",
    ],
    [
        "Our website uses cookies to give you the most relevant experience by remembering your "
        "preferences and repeat visits.",
        "Accept", "Reject", "Read More",
    ],
]
SHARE = [
    "Share", "Share this article", "Share on Facebook", "Share on Twitter", "Tweet", "Email",
    "Pinterest", "Copy link", "Print", "WhatsApp", "LinkedIn", "Reddit", "Share via Email",
    "Share this story", "Facebook", "Twitter", "Share article", "Link copied", "Share on WhatsApp",
    "Flipboard", "Save", "Gift this article", "Comment", "Messenger",
]
SOCIAL_COUNTS = [
    "{k} shares", "{n} Comments", "{k} Shares", "{n} comments", "Facebook {n} Twitter {n}",
    "♥ {n}", "{k} views", "{n} likes", "Comments ({n})", "{n} responses",
]
NEWSLETTER = [
    [
        "Sign up for our newsletter",
        "Get the latest headlines delivered to your inbox every morning.",
        "Enter your email address", "Subscribe",
    ],
    [
        "Newsletter", "The day's top stories, in your inbox.", "Sign Up",
    ],
    [
        "Get the {site} Daily", "Sign up to receive our best stories every weekday.", "Your email",
        "Sign me up",
    ],
    [
        "Stay informed", "Subscribe to our free morning briefing.", "Email address",
        "By signing up you agree to our Terms of Service and Privacy Policy.",
    ],
    [
        "Want more stories like this?", "Join 250,000 readers and get our weekly roundup.",
        "Join now",
    ],
    [
        "Thanks for signing up!", "Check your inbox to confirm your subscription.",
    ],
    [
        "Never miss a story", "Get breaking news alerts from {site} straight to your inbox.",
        "Sign up",
    ],
    [
        "Morning Briefing",
        "Everything you need to know to start your day, delivered Monday through Friday.",
        "Enter email", "Submit",
    ],
]
INLINE_RELATED = [
    "Related: {headline}", "READ MORE: {headline}", "RELATED: {headline}", "Read more: {headline}",
    "MORE: {headline}", "SEE ALSO: {headline}", "Also on {site}: {headline}",
    "Recommended: {headline}", "WATCH: {headline}", "Read next: {headline}", "[Read: {headline}]",
    "You might also like: {headline}", "► {headline}", "Also read: {headline}",
    "LISTEN: {headline}", "Don't miss: {headline}",
]
ADS = [
    "ADVERTISEMENT", "Advertisement", "Story continues below advertisement", "Sponsored", "AD",
    "Continue reading the main story", "— Ad —", "Scroll to continue with content",
    "Article continues below", "ADVERTISING", "Ad Feedback", "Advertisement - scroll to continue",
    "Paid Content", "Sponsored Content", "Promoted Stories", "Story continues below",
]
CAPTIONS = [
    "{caption} (Photo: {name}/Getty Images)", "{caption} Photo: {name}/Reuters",
    "Image copyright Getty Images Image caption {caption}", "{caption} (AP Photo/{name})",
    "{caption} Credit: {name} for {site}", "Photo by {name} / AFP", "{caption} {name}/Reuters",
    "{caption} (Picture: {name})", "Image: {name}/Shutterstock", "{caption} | Photo: {name}",
    "{caption} Photograph: {name}/EPA", "{caption} (Courtesy {name})",
    "{caption} (Photo by {name}/AFP via Getty Images)", "Getty Images",
    "{caption} [{name}/Al Jazeera]", "{caption} Image: {name}",
]
CAPTION_TEXTS = [
    "Police officers stand guard outside the building on {day}.",
    "Protesters gather in central {city} on {day}.",
    "A man walks past a damaged storefront in {city}.",
    "Officials speak to reporters in {city}, {date}.", "Rescue workers search the area on {day}.",
    "Supporters wave flags during a rally in {city}.", "The scene in {city} earlier this week.",
    "Residents look on as crews clear debris in {city}.",
]
BYLINES = [
    "By {name}", "By {name}, {site}", "{name} | {role}", "{name}, {role}", "Written by {name}",
    "By {name} and {name2}", "{name}\n{role}", "BY {NAME}", "Author: {name}", "Story by {name}",
    "{name} @{handle}", "By {name} • {role}",
]
TIMESTAMPS = [
    "Updated {time} ET, {date}", "Published {time} GMT, {date}", "Posted: {date} / {time}",
    "Last updated: {date}", "{date}", "{date} {time}", "{n} hours ago", "{m} min read",
    "Published {date}", "Updated {n} minutes ago", "{date} at {time}", "First published on {date}",
    "Modified {date}", "{time} {date}",
]
WIRE = [
    "(Reporting by {name}; Editing by {name2})",
    "— The Associated Press contributed to this report.",
    "Copyright {year} The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "© {year} {site}", "Additional reporting by {name}", "Reuters contributed to this report.",
    "(Writing by {name}; editing by {name2})", "-Reuters", "AFP", "(AP)",
    "Associated Press writer {name} contributed.", "This story has been corrected.",
    "Copyright © {year} {site}. All rights reserved.", "— With files from {name}",
    "Follow {name} on Twitter: @{handle}", "Contact {name} at {email}.",
]
BIOS = [
    "{name} is a {role} at {site}. Follow {them} on Twitter @{handle}.", "About the author",
    "{name} covers politics for {site}. Email: {email}",
    "{name} is a freelance journalist based in {city}.", "More from {name}",
    "{name} has reported for {site} since {year}.", "Contact the author at {email}",
    "Follow {name} on Twitter", "View all articles by {name}", "{name} is {site}'s {role}.",
]
ROLES = [
    "Staff Writer", "Senior Correspondent", "Political Reporter", "Editor", "Contributor",
    "News Editor", "Reporter", "Foreign Correspondent", "Columnist", "Digital Producer",
]
COMMENT_HEADERS = [
    "Comments", "{n} Comments", "Join the conversation", "Leave a comment", "Reader comments",
    "Conversation", "Show comments", "Discussion", "What do you think?", "Add a comment",
]
COMMENT_META = [
    "{user} · {n} hours ago", "{user} {n}h", "Reply", "Like ({n})", "Report", "Load more comments",
    "Sort by: Newest", "Log in to comment", "{user} wrote:", "{n} replies",
    "Flag as inappropriate", "Posted by {user}",
]
COMMENT_TEXTS = [
    "This is outrageous, I can't believe it.", "Finally some good news!", "Who cares?",
    "Great article, thanks for sharing.", "Typical. Nothing will change.",
    "I've been saying this for years", "Can someone explain what this means for us?", "lol",
    "Not surprised at all.", "Well said!", "So sad to hear this.", "Fake news as usual",
    "Thank you for reporting on this.", "Where is the accountability?",
]
TRENDING_HEADERS = [
    "Trending", "Most Popular", "Most Read", "What's Hot", "Top Stories", "More from {site}",
    "Recommended for you", "You may also like", "Editor's Picks", "Popular Now", "Around the web",
    "More Stories", "Don't Miss", "Latest News",
]
TRENDING_ITEM = [
    "{headline}", "{i}. {headline}", "{i} {headline}", "{headline} {k} views",
]
FOOTER = [
    "© {year} {site}. All rights reserved.", "Terms of Use", "Privacy Policy", "Contact Us",
    "About Us", "Advertise", "Careers", "Do Not Sell My Personal Information", "Site Map",
    "Accessibility", "Cookie Settings", "Help", "Corrections", "Copyright {year} {site}",
    "Terms of Service", "Ethics Policy", "RSS", "Contact", "Press", "Manage Cookies",
    "{site} is part of {site} Media Group.", "Powered by WordPress VIP", "Back to top",
    "Follow us", "Download our app", "Send us a tip",
]
FOLLOW = [
    "Follow us on Twitter", "Like us on Facebook", "Follow @{handle}",
    "Follow {site} on Instagram", "Get our app", "Follow us on Google News", "Join us on Telegram",
    "Subscribe to our YouTube channel", "Follow the latest on our live blog",
    "Listen to this article", "Text size", "Click to expand", "Show more", "Read more",
    "{m} min listen", "Audio version",
]
SITES = [
    "The Daily Ledger", "Metro Courier", "Northern Herald", "Coastline News", "The Civic Post",
    "Valley Tribune", "Global Dispatch", "Capital Observer", "Harbor Times", "The Sentinel",
    "Eastside Gazette", "Prairie Chronicle", "Summit Report", "Riverside Journal", "Atlas Wire",
    "Pioneer Press Online",
]
FIRST = [
    "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "James", "Kofi",
    "Laura", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Samuel", "Tara",
]
LAST = [
    "Keller", "Okafor", "Novak", "Brennan", "Sato", "Haddad", "Lindqvist", "Moreau", "Costa",
    "Petrov", "Walsh", "Nakamura", "Ibrahim", "Fischer", "Delgado", "Chen",
]
CITIES = [
    "London", "Nairobi", "Lima", "Seoul", "Berlin", "Chicago", "Cairo", "Sydney",
]
DAYS = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
# fmt: on

PHRASINGS: dict[str, list[object]] = {
    "sections": SECTIONS,
    "nav": NAV_UTILITY,
    "ticker_header": TICKER_HEADERS,
    "ticker_line": TICKER_LINES,
    "ticker_sep": TICKER_SEPARATORS,
    "cookie": COOKIE,  # type: ignore[dict-item]
    "share": SHARE,
    "social": SOCIAL_COUNTS,
    "newsletter": NEWSLETTER,  # type: ignore[dict-item]
    "related": INLINE_RELATED,
    "ad": ADS,
    "caption": CAPTIONS,
    "byline": BYLINES,
    "timestamp": TIMESTAMPS,
    "wire": WIRE,
    "bio": BIOS,
    "comment_header": COMMENT_HEADERS,
    "comment_meta": COMMENT_META,
    "comment_text": COMMENT_TEXTS,
    "trending_header": TRENDING_HEADERS,
    "trending_item": TRENDING_ITEM,
    "footer": FOOTER,
    "follow": FOLLOW,
    "sites": SITES,  # site names are split too: repeated-line detection must not learn them
}


def templates(which: str) -> dict[str, list[object]]:
    """Half of every phrasing list: ``dev`` or ``heldout`` (a fixed shuffle per list)."""
    if which not in TEMPLATE_SETS:
        raise ValueError(f"template set must be one of {TEMPLATE_SETS}, got {which!r}")
    out: dict[str, list[object]] = {}
    for kind, items in PHRASINGS.items():
        order = list(range(len(items)))
        random.Random(f"split:{kind}").shuffle(order)
        half = (len(order) + 1) // 2
        chosen = order[:half] if which == "dev" else order[half:]
        out[kind] = [items[i] for i in sorted(chosen)]
    return out


# ---------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------

_JUNKY_BODY = re.compile(
    r"photo|picture|caption|getty|\(AP\)|related|trending|read more|subscribe|©|copyright"
    r"|click|follow us|twitter|facebook|newsletter|advert|sign up|image|credit|reporting by"
    r"|http|www\.|@|contributed",
    re.IGNORECASE,
)
_PROSE_END = (".", "!", "?", '"', "”", "’", "'")


def _prose(line: str) -> bool:
    return len(line.split()) >= 6 and line.rstrip().endswith(_PROSE_END)


@dataclass(frozen=True)
class SourceArticle:
    key: str  # dataset id and article index
    cluster: str
    title: str
    paragraphs: tuple[str, ...]


def _paragraphs_of_flat(text: str, rng: random.Random) -> list[str]:
    """WCEP bodies are one block: cut them into paragraphs of one to three sentences."""
    sentences = [text[s:e].strip() for s, e in sentence_spans(text)]
    out: list[str] = []
    while sentences:
        take = rng.choice((1, 2, 2, 3))
        out.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    return out


def _usable(text: str) -> bool:
    return 120 <= len(text.split()) <= 900 and not _JUNKY_BODY.search(text)


def select_articles(data_dir: Path, count: int = ARTICLES) -> list[SourceArticle]:
    """Articles whose whole text is clean prose (so it is a fair gold body), half from each
    dev set, preferring clusters with two or more such articles (summaries need clusters)."""
    rng = random.Random(SEED)
    per_set = count // 2
    chosen: list[SourceArticle] = []
    for filename, flat in (("multinews-dev.jsonl", False), ("wcep-dev.jsonl", True)):
        clusters: list[list[SourceArticle]] = []
        with open(data_dir / filename, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                good: list[SourceArticle] = []
                for i, art in enumerate(record["articles"]):
                    text = art.get("text") or ""
                    if not _usable(text):
                        continue
                    title = (art.get("title") or "").strip()
                    if flat:
                        paragraphs = _paragraphs_of_flat(text, rng)
                    else:
                        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
                        if lines and not _prose(lines[0]) and len(lines[0].split()) <= 16:
                            title, lines = lines[0], lines[1:]
                        if len(lines) < 4 or not all(_prose(ln) for ln in lines):
                            continue
                        paragraphs = lines
                    if not title:
                        first = next(paragraphs[0][s:e] for s, e in sentence_spans(paragraphs[0]))
                        title = " ".join(first.rstrip(".").split()[:10])
                    key = f"{record['id']}-{i}"
                    good.append(SourceArticle(key, record["id"], title, tuple(paragraphs)))
                if good:
                    clusters.append(good[:3])
        clusters.sort(key=lambda c: -len(c))  # stable: file order within equal sizes
        taken: list[SourceArticle] = []
        for group in clusters:
            if len(taken) >= per_set:
                break
            taken.extend(group[: per_set - len(taken)])
        chosen.extend(taken)
    return chosen


def headline_pool(data_dir: Path, exclude: set[str], limit: int = 400) -> list[str]:
    """Other stories' titles, for tickers and link lists (real headlines look like titles)."""
    out: list[str] = []
    with open(data_dir / "wcep-dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in exclude:
                continue
            for art in record["articles"]:
                title = " ".join((art.get("title") or "").split())
                if 4 <= len(title.split()) <= 16:
                    out.append(title)
                    break
            if len(out) >= limit:
                break
    return out


# ---------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------


@dataclass
class Block:
    """A run of lines of one kind; ``tag`` says how the page renders it."""

    kind: str  # body, title, or the junk kind
    lines: list[str]
    tag: str = "div"


@dataclass
class Page:
    key: str
    cluster: str
    title: str
    site: str
    blocks: list[Block] = field(default_factory=list)

    def units(self) -> list[tuple[str, str]]:
        """(line, label) for every line, in page order."""
        return [(line, b.kind) for b in self.blocks for line in b.lines]


class Filler:
    """Fills placeholders with random names, dates, headlines."""

    def __init__(self, rng: random.Random, site: str, headlines: Sequence[str]) -> None:
        self.rng, self.site, self.headlines = rng, site, headlines

    def name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def fill(self, template: str, **extra: str) -> str:
        rng = self.rng
        name = self.name()
        hour = rng.randint(1, 12)
        values = {
            "site": self.site,
            "name": name,
            "name2": self.name(),
            "NAME": name.upper(),
            "headline": rng.choice(self.headlines),
            "n": str(rng.randint(2, 48)),
            "k": rng.choice(["1.2K", "3.4K", "870", "15K", "2", "7", "12"]),
            "m": str(rng.randint(2, 15)),
            "i": str(rng.randint(1, 9)),
            "time": f"{hour}:{rng.randint(0, 59):02d} {rng.choice(['AM', 'PM'])}",
            "date": f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2014, 2019)}",
            "day": rng.choice(DAYS),
            "city": rng.choice(CITIES),
            "year": str(rng.randint(2014, 2019)),
            "handle": name.replace(" ", "").lower(),
            "email": name.replace(" ", ".").lower() + "@example.com",
            "role": rng.choice(ROLES),
            "them": rng.choice(["him", "her", "them"]),
            "user": rng.choice(["jdoe42", "NewsFan", "truth_seeker", "M. R.", "anon", "k8lyn"]),
        }
        values.update(extra)
        values["caption"] = rng.choice(CAPTION_TEXTS).format(**values)
        return template.format(**values)


@dataclass(frozen=True)
class Site:
    name: str
    nav: tuple[str, ...]
    footer: tuple[str, ...]
    newsletter: tuple[str, ...]
    semantic_html: bool


def make_sites(tpl: dict[str, list[object]], rng: random.Random) -> list[Site]:
    sites = []
    for name in tpl["sites"]:
        assert isinstance(name, str)
        sections = [str(s) for s in tpl["sections"]]
        utility = [str(s) for s in tpl["nav"]]
        count = rng.randint(5, 30)
        nav = rng.sample(sections, min(len(sections), max(3, count - 4)))
        nav = rng.sample(utility, min(len(utility), count - len(nav))) + nav
        filler = Filler(rng, name, ["x"])
        footer = [
            filler.fill(str(t))
            for t in rng.sample(tpl["footer"], rng.randint(3, min(10, len(tpl["footer"]))))
        ]
        letter = rng.choice(tpl["newsletter"])
        assert isinstance(letter, list)
        sites.append(
            Site(
                name,
                tuple(nav),
                tuple(footer),
                tuple(filler.fill(t) for t in letter),
                rng.random() < 0.5,
            )
        )
    return sites


def build_page(
    art: SourceArticle,
    site: Site,
    tpl: dict[str, list[object]],
    headlines: Sequence[str],
    rng: random.Random,
) -> Page:
    f = Filler(rng, site.name, headlines)

    def one(kind: str) -> str:
        return f.fill(str(rng.choice(tpl[kind])))

    def some(kind: str, low: int, high: int) -> list[str]:
        pool = tpl[kind]
        return [f.fill(str(t)) for t in rng.sample(pool, min(len(pool), rng.randint(low, high)))]

    page = Page(art.key, art.cluster, art.title, site.name)
    add = page.blocks.append
    add(Block("nav", list(site.nav), "nav"))
    if rng.random() < 0.5:
        if rng.random() < 0.5:
            sep = str(rng.choice(tpl["ticker_sep"]))
            items = sep.join(rng.sample(list(headlines), rng.randint(3, 8)))
            add(Block("ticker", [one("ticker_header"), items], "ticker"))
        else:
            add(Block("ticker", [one("ticker_line")], "ticker"))
    if rng.random() < 0.5:
        banner = rng.choice(tpl["cookie"])
        assert isinstance(banner, list)
        add(Block("cookie", [f.fill(t) for t in banner], "cookie"))
    add(Block("title", [art.title], "h1"))
    if rng.random() < 0.7:
        add(Block("byline", one("byline").split("\n"), "byline"))
    if rng.random() < 0.7:
        add(Block("timestamp", [one("timestamp")], "time"))
    if rng.random() < 0.4:
        add(Block("share", some("share", 2, 6), "share"))
    if rng.random() < 0.5:
        add(Block("caption", [one("caption")], "figure"))

    inline_every = rng.randint(2, 4)
    for i, paragraph in enumerate(art.paragraphs):
        add(Block("body", [paragraph], "p"))
        last = i == len(art.paragraphs) - 1
        if not last and (i + 1) % inline_every == 0:
            kind = rng.choice(["ad", "related", "related", "caption", "ad", "follow", "social"])
            add(Block(kind, [one(kind)], "inline-" + kind))

    if rng.random() < 0.6:
        add(Block("wire", [one("wire")], "p"))
    if rng.random() < 0.4:
        add(Block("bio", some("bio", 1, 2), "bio"))
    if rng.random() < 0.5:
        add(Block("share", some("share", 2, 6) + some("social", 0, 1), "share"))
    if rng.random() < 0.6:
        add(Block("newsletter", list(site.newsletter), "newsletter"))
    if rng.random() < 0.4:
        add(Block("follow", some("follow", 1, 3), "share"))
    if rng.random() < 0.6:
        count = rng.randint(3, 6)
        items = [
            f.fill(str(rng.choice(tpl["trending_item"])), headline=h, i=str(n))
            for n, h in enumerate(rng.sample(list(headlines), count), 1)
        ]
        add(Block("trending", [one("trending_header"), *items], "aside"))
    if rng.random() < 0.35:
        lines = [one("comment_header")]
        for _ in range(rng.randint(2, 5)):
            lines.append(one("comment_meta"))
            lines.append(one("comment_text"))
        lines.append(one("comment_meta"))
        add(Block("comments", lines, "comments"))
    add(Block("footer", list(site.footer), "footer"))
    return page


def build_pages(
    articles: Sequence[SourceArticle], headlines: Sequence[str], which: str
) -> list[Page]:
    """Every article wrapped in chrome from one template set; seeded, so reproducible."""
    tpl = templates(which)
    rng = random.Random(f"{SEED}:{which}")
    sites = make_sites(tpl, rng)
    return [build_page(art, rng.choice(sites), tpl, headlines, rng) for art in articles]


# ---------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------


def render_text(page: Page, rng: random.Random) -> str:
    """The page's visible text, as "save as text" or a scraper's dump writes it: one line per
    block element, with or without blank lines between them."""
    blank = rng.random() < 0.6
    lines = [line for block in page.blocks for line in block.lines]
    return ("\n\n" if blank else "\n").join(lines) + "\n"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _links(lines: Sequence[str], wrap: str, cls: str) -> str:
    items = "".join(f'<li><a href="/{i}">{_esc(t)}</a></li>' for i, t in enumerate(lines))
    return f'<{wrap} class="{cls}"><ul>{items}</ul></{wrap}>'


def render_html(page: Page, rng: random.Random) -> str:
    """The page as HTML: semantic (header/nav/article/aside/footer) or anonymous div soup."""
    site = page.site
    semantic = rng.random() < 0.5

    def box(kind: str, inner: str, semantic_tag: str) -> str:
        if semantic:
            return f'<{semantic_tag} class="{kind}">{inner}</{semantic_tag}>'
        return f'<div class="c{rng.randint(100, 999)}">{inner}</div>'

    head: list[str] = []
    body: list[str] = []
    tail: list[str] = []
    seen_title = False
    for block in page.blocks:
        lines = block.lines
        if block.kind == "title":
            seen_title = True
            body.append(f"<h1>{_esc(lines[0])}</h1>")
            continue
        if not seen_title:
            target = head
        elif (
            block.kind in ("body",)
            or block.tag.startswith("inline-")
            or block.kind
            in (
                "byline",
                "timestamp",
                "caption",
                "wire",
            )
        ):
            target = body
        else:
            target = tail if body else head
        if block.kind == "body":
            target.append(f"<p>{_esc(lines[0])}</p>")
        elif block.tag in ("nav", "footer") or block.kind in ("share", "follow"):
            tag = "nav" if block.tag == "nav" else ("footer" if block.tag == "footer" else "div")
            target.append(
                _links(lines, tag if semantic else "div", block.kind)
                if rng.random() < 0.7
                else box(block.kind, "".join(f"<p>{_esc(t)}</p>" for t in lines), tag)
            )
        elif block.kind == "caption":
            target.append(
                f'<figure><img src="/img/{rng.randint(1, 999)}.jpg" alt="">'
                f"<figcaption>{_esc(lines[0])}</figcaption></figure>"
            )
        elif block.kind == "related":
            label, _, rest = lines[0].partition(": ")
            inner = (
                f"<strong>{_esc(label)}:</strong> <a href='/r'>{_esc(rest)}</a>"
                if rest
                else f"<a href='/r'>{_esc(lines[0])}</a>"
            )
            target.append(
                f"<p>{inner}</p>" if rng.random() < 0.5 else box("related", inner, "aside")
            )
        elif block.kind == "byline":
            target.append(box("byline", "<br>".join(_esc(t) for t in lines), "div"))
        elif block.kind == "timestamp":
            target.append(f"<time>{_esc(lines[0])}</time>")
        elif block.kind == "wire":
            target.append(
                f"<p>{_esc(lines[0])}</p>"
                if rng.random() < 0.6
                else box("credit", _esc(lines[0]), "div")
            )
        elif block.kind in ("trending", "comments"):
            heading = f"<h3>{_esc(lines[0])}</h3>"
            items = "".join(f"<p>{_esc(t)}</p>" for t in lines[1:])
            target.append(
                box(block.kind, heading + items, "aside" if block.kind == "trending" else "section")
            )
        else:  # ticker, cookie, newsletter, bio, ad, social
            target.append(box(block.kind, "".join(f"<p>{_esc(t)}</p>" for t in lines), "aside"))
    article = "".join(body)
    article = (
        f"<article>{article}</article>"
        if semantic
        else f'<div class="c{rng.randint(100, 999)}">{article}</div>'
    )
    header = f"<header>{''.join(head)}</header>" if semantic else "".join(head)
    meta = f'<meta property="og:site_name" content="{_esc(site)}">' if rng.random() < 0.5 else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_esc(page.title)} | {_esc(site)}</title>{meta}</head><body>\n"
        f"{header}\n<main>{article}\n{''.join(tail)}</main>\n</body></html>\n"
    )


# ---------------------------------------------------------------------------------------
# The data set
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    page: Page
    text: str  # the text dump
    html: str  # the page

    def to_labels(self) -> dict[str, object]:
        return {
            "key": self.page.key,
            "cluster": self.page.cluster,
            "title": self.page.title,
            "site": self.page.site,
            "lines": [{"text": t, "label": k} for t, k in self.page.units()],
        }


def build_samples(data_dir: Path, which: str, count: int = ARTICLES) -> list[Sample]:
    articles = select_articles(data_dir, count)
    headlines = headline_pool(data_dir, {a.cluster for a in articles})
    pages = build_pages(articles, headlines, which)
    rng = random.Random(f"{SEED}:{which}:render")
    return [Sample(p, render_text(p, rng), render_html(p, rng)) for p in pages]


def write_samples(samples: Sequence[Sample], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for s in samples:
        (out / f"{s.page.key}.txt").write_text(s.text, encoding="utf-8")
        (out / f"{s.page.key}.html").write_text(s.html, encoding="utf-8")
        (out / f"{s.page.key}.json").write_text(
            json.dumps(s.to_labels(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def main(argv: Sequence[str] | None = None) -> int:
    from benchmarks._common import default_data_dir

    parser = argparse.ArgumentParser(prog="python -m benchmarks.webchrome", description=__doc__)
    parser.add_argument("--out", default="build/webchrome", help="output folder")
    parser.add_argument("--templates", choices=TEMPLATE_SETS, default="dev")
    parser.add_argument("--data", default=str(default_data_dir()), help="dev-set folder")
    parser.add_argument("--count", type=int, default=ARTICLES)
    args = parser.parse_args(argv)
    samples = build_samples(Path(args.data), args.templates, args.count)
    write_samples(samples, Path(args.out) / args.templates)
    print(f"wrote {len(samples)} pages to {Path(args.out) / args.templates}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
