"""Synthetic raw sources for benchmarks: realistic shapes, no real outlets.

A corpus covers a number of invented *stories* (about one per eight sources,
so larger corpora hold more stories, entities and claims, as a growing news
archive does). Each story has fixed facts: an organisation, a person, an
agency, a product, a place, a date and figures. A source picks one story
(popular stories get more sources), states two or three of its claims in one
of several paraphrases, and now and then gets a figure or date wrong (so a
minority of claims is contested, most are corroborated). Sources carry page
chrome (relative times, view counters, share bars), some are bilingual
English/Chinese, a few are Chinese only, and some are HTML or Markdown pages.
"""
from __future__ import annotations

import html
import random
from pathlib import Path

FIRST = ["Maria", "Tomas", "Priya", "Daniel", "Keiko", "Lucas", "Amira", "Olga", "Samuel", "Ines",
         "Jonas", "Fatima", "Mateo", "Hana", "Viktor", "Leila", "Oscar", "Nadia", "Pavel", "Rosa",
         "Arjun", "Elena", "Kofi", "Sofia", "Marek", "Yara", "Hugo", "Anika", "Diego", "Mira"]
LAST = ["Okafor", "Lindqvist", "Raman", "Weber", "Sato", "Moreau", "Haddad", "Petrova", "Adeyemi",
        "Novak", "Castillo", "Brennan", "Takahashi", "Mensah", "Kowalski", "Ferreira", "Halvorsen",
        "Dubois", "Varga", "Osei", "Lindgren", "Marchetti", "Kaur", "Aziz", "Becker", "Ilunga"]
ORG_HEAD = ["Northwind", "Bluefin", "Crestline", "Helios", "Ardent", "Quarry", "Meridian", "Solace",
            "Granite", "Lumen", "Harbor", "Vantage", "Cobalt", "Aurora", "Summit", "Keystone",
            "Juniper", "Falcon", "Evergreen", "Redwood", "Silverline", "Tidewater", "Ironbridge", "Nova"]
ORG_TAIL = ["Labs", "Systems", "Capital", "Robotics", "Cloud", "Analytics", "Health", "Networks",
            "Energy", "Motors", "Foods", "Pharma"]
ZH_HEAD = {"Northwind": "北风", "Bluefin": "蓝鳍", "Helios": "赫利俄斯", "Aurora": "极光", "Summit": "峰顶",
           "Falcon": "猎鹰", "Evergreen": "常青", "Redwood": "红木"}
ZH_TAIL = {"Labs": "实验室", "Systems": "系统", "Robotics": "机器人", "Cloud": "云", "Energy": "能源",
           "Motors": "汽车", "Health": "健康", "Networks": "网络"}
AGENCIES = ["the Department of Trade", "the Energy Ministry", "the Data Protection Office",
            "the Competition Authority", "the Securities Commission", "the Transport Agency",
            "the Health Regulator", "the Consumer Council"]
PRODUCT_NAMES = ["Atlas", "Nimbus", "Vega", "Orion", "Pulse", "Zephyr", "Quartz", "Beacon", "Comet",
                 "Ember", "Halo", "Lynx"]
PRODUCT_SUFFIX = ["4", "Pro", "2.5", "Edge", "X", "Mini", "Max", "One"]
PLACES = ["Lisbon", "Nairobi", "Osaka", "Toronto", "Warsaw", "Santiago", "Accra", "Hanoi", "Oslo",
          "Lima", "Cairo", "Perth", "Dublin", "Quito", "Riga", "Manila"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# Per claim: paraphrases of the same fact; sources pick one at random.
CLAIM_TEMPLATES = [
    ("{org} suspended sales of {product} in {place} on {date}.",
     "{org} halted {product} sales across {place} starting {date}.",
     "Sales of {product} in {place} were suspended by {org} on {date}."),
    ("{person}, chief executive of {org}, said the company would cut {n} jobs.",
     "{org} CEO {person} announced {n} job cuts.",
     "{org} will eliminate {n} jobs, chief executive {person} said."),
    ("{agency} opened an investigation into {org} after a data leak.",
     "A data leak prompted {agency} to investigate {org}.",
     "{org} is under investigation by {agency} following a data leak."),
    ("{org} raised {amount} million dollars from investors in {place}.",
     "Investors in {place} gave {org} {amount} million dollars.",
     "{org} secured {amount} million dollars in new funding from investors in {place}."),
    ("{org} said {product} would launch in {place} in {month}.",
     "{product} will go on sale in {place} in {month}, {org} said."),
]
ZH_TEMPLATES = ["{zh}于{date_zh}在{place}暂停销售{product}。", "{zh}宣布裁员{n}人。",
                "{zh}从{place}的投资者处融资{amount}百万美元。"]
CHROME_TOP = ["{h}h ago Updated {m}m ago {v} views", "{h} hours ago · {v} reads", "Updated {m} min ago"]
CHROME_BOTTOM = ["Share", "Share on social media", "More in Business", "Read more stories like this"]
WRONG_FIGURE_RATE = 0.05        # a source misreports a figure or date: the claim becomes contested
BILINGUAL_RATE = 0.3            # of sources about an organisation with a Chinese name
CHINESE_ONLY_RATE = 0.03


def make_stories(rng: random.Random, count: int) -> list[dict]:
    stories = []
    for _ in range(count):
        head, tail = rng.choice(ORG_HEAD), rng.choice(ORG_TAIL)
        stories.append({
            "org": f"{head} {tail}",
            "zh": ZH_HEAD[head] + ZH_TAIL[tail] if head in ZH_HEAD and tail in ZH_TAIL else "",
            "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "agency": rng.choice(AGENCIES),
            "product": f"{rng.choice(PRODUCT_NAMES)} {rng.choice(PRODUCT_SUFFIX)}",
            "place": rng.choice(PLACES),
            "n": rng.choice([45, 80, 120, 300, 450, 1200]),
            "amount": rng.choice([12, 40, 75, 150, 320]),
            "day": rng.randint(1, 28), "month_index": rng.randrange(12), "year": rng.choice([2025, 2026]),
            "claims": rng.sample(range(len(CLAIM_TEMPLATES)), 3),
        })
    return stories


def _facts(rng: random.Random, story: dict) -> dict:
    facts = dict(story)
    if rng.random() < WRONG_FIGURE_RATE:
        which = rng.choice(["n", "amount", "day"])
        facts[which] = facts[which] + rng.choice([5, 10, 20]) if which != "day" else (facts["day"] % 28) + 1
    month = MONTHS[facts["month_index"]]
    facts["month"] = month
    facts["date"] = f"{month} {facts['day']}, {facts['year']}"
    facts["date_zh"] = f"{facts['year']}年{facts['month_index'] + 1}月{facts['day']}日"
    return facts


def _english_body(rng: random.Random, facts: dict, index: int) -> tuple[str, list[str]]:
    title = f"{facts['org']} faces questions over {facts['product']} (report {index})"
    paragraphs = []
    claims = [CLAIM_TEMPLATES[i] for i in facts["claims"][:rng.choice([2, 3, 3])]]
    for claim in claims:
        paragraphs.append(rng.choice(claim).format(**facts) + " " + _filler(rng, facts))
    if facts["zh"] and rng.random() < BILINGUAL_RATE:
        paragraphs.append(rng.choice(ZH_TEMPLATES).format(**facts) + "此事引发了监管机构的关注。")
    return title, paragraphs


def _chinese_body(rng: random.Random, facts: dict, index: int) -> tuple[str, list[str]]:
    title = f"{facts['zh']}相关报道（{index}）"
    return title, [t.format(**facts) for t in rng.sample(ZH_TEMPLATES, 2)] + ["此事引发了监管机构的关注。"]


def make_source(rng: random.Random, index: int, stories: list[dict]) -> tuple[str, str]:
    """(file suffix, text) of one source about one of ``stories``."""
    # Popular stories draw many sources, most draw a few (a skewed pick).
    story = stories[min(int(rng.paretovariate(1.2)) - 1, len(stories) - 1) if rng.random() < 0.3
                    else rng.randrange(len(stories))]
    facts = _facts(rng, story)
    chinese = facts["zh"] and rng.random() < CHINESE_ONLY_RATE
    title, paragraphs = (_chinese_body if chinese else _english_body)(rng, facts, index)
    top = rng.choice(CHROME_TOP).format(h=rng.randint(1, 23), m=rng.randint(1, 59), v=rng.randint(0, 9999))
    bottom = rng.choice(CHROME_BOTTOM)
    kind = rng.random()
    if kind < 0.1:
        return ".html", _html_page(title, paragraphs, top, bottom)
    if kind < 0.2:
        return ".md", "\n\n".join([f"# {title}", f"*{top}*", *paragraphs, f"[{bottom}](#)"]) + "\n"
    return ".txt", "\n\n".join([top, title, *paragraphs, bottom]) + "\n"


def _html_page(title: str, paragraphs: list[str], top: str, bottom: str) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/business'>Business</a></nav><article>"
            f"<h1>{html.escape(title)}</h1><p class='meta'>{html.escape(top)}</p>{body}</article>"
            f"<footer><a href='#'>{html.escape(bottom)}</a> © Example Media</footer></body></html>\n")


def _filler(rng: random.Random, facts: dict) -> str:
    options = [
        f"Analysts in {facts['place']} expect the decision to affect suppliers for several months.",
        f"{facts['person']} declined to comment on the timing.",
        "The company did not respond to a request for comment.",
        f"Shares of {facts['org']} fell {rng.randint(2, 9)} percent in early trading.",
    ]
    return " ".join(rng.sample(options, 2))


def story_count(count: int) -> int:
    return max(12, count // 8)


def write_corpus(folder: Path, count: int, seed: int = 7) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    stories = make_stories(rng, story_count(count))
    for index in range(count):
        suffix, text = make_source(rng, index, stories)
        (folder / f"src_{index:05d}{suffix}").write_text(text, encoding="utf-8")


def add_source(folder: Path, count: int, index: int, seed: int = 7) -> Path:
    """One more source (numbered ``index``) about the stories of a ``count``-source corpus."""
    stories = make_stories(random.Random(seed), story_count(count))
    suffix, text = make_source(random.Random(seed * 1_000_003 + index), index, stories)
    path = folder / f"src_{index:05d}{suffix}"
    path.write_text(text, encoding="utf-8")
    return path
