"""Synthetic raw sources for benchmarks: realistic shapes, no real outlets.

Sources share a pool of invented people, organisations and products, state
paraphrases of a pool of invented claims, carry page chrome (relative times,
view counters, share bars), and some are bilingual English/Chinese.
"""
from __future__ import annotations

import random
from pathlib import Path

PEOPLE = ["Maria Okafor", "Tomas Lindqvist", "Priya Raman", "Daniel Weber", "Keiko Sato",
          "Lucas Moreau", "Amira Haddad", "Chen Wei", "Olga Petrova", "Samuel Adeyemi"]
ORGS = ["Northwind Labs", "Bluefin Systems", "Crestline Capital", "Helios Robotics",
        "Ardent Cloud", "Quarry Analytics", "Meridian Health", "Solace Networks"]
AGENCIES = ["the Department of Trade", "the Energy Ministry", "the Data Protection Office",
            "the Competition Authority"]
PRODUCTS = ["Atlas 4", "Nimbus Pro", "Vega 2.5", "Orion Edge", "Pulse X"]
PLACES = ["Lisbon", "Nairobi", "Osaka", "Toronto", "Warsaw", "Santiago"]
ZH_ORGS = {"Northwind Labs": "北风实验室", "Bluefin Systems": "蓝鳍系统", "Helios Robotics": "赫利俄斯机器人"}

CLAIM_TEMPLATES = [
    ("{org} suspended sales of {product} in {place} on {date}.",
     "{org} halted {product} sales across {place} starting {date}."),
    ("{person}, chief executive of {org}, said the company would cut {n} jobs.",
     "{org} CEO {person} announced {n} job cuts."),
    ("{agency} opened an investigation into {org} after a data leak.",
     "A data leak prompted {agency} to investigate {org}."),
    ("{org} raised {n} million dollars from investors in {place}.",
     "Investors in {place} gave {org} {n} million dollars."),
]
CHROME_TOP = ["{h}h ago Updated {m}m ago {v} views", "{h} hours ago · {v} reads", "Updated {m} min ago"]
CHROME_BOTTOM = ["Share", "Share on social media", "More in Business", "Read more stories like this"]


def _fill(rng: random.Random, template: str, facts: dict) -> str:
    return template.format(**facts)


def make_source(rng: random.Random, index: int) -> str:
    facts = {"org": rng.choice(ORGS), "person": rng.choice(PEOPLE), "agency": rng.choice(AGENCIES),
             "product": rng.choice(PRODUCTS), "place": rng.choice(PLACES),
             "n": rng.choice([120, 300, 45, 80]), "date": f"March {rng.randint(1, 28)}, 2026"}
    claims = rng.sample(CLAIM_TEMPLATES, 3)
    lines = [rng.choice(CHROME_TOP).format(h=rng.randint(1, 23), m=rng.randint(1, 59), v=rng.randint(0, 9999)), ""]
    lines += [f"{facts['org']} faces questions over {facts['product']} (report {index})", ""]
    for claim in claims:
        lines += [_fill(rng, rng.choice(claim), facts) + " " + _filler(rng, facts), ""]
    lines += ["Key points", ""]
    lines += [f"- {_fill(rng, c[0], facts)}" for c in claims] + [""]
    if facts["org"] in ZH_ORGS and rng.random() < 0.5:
        zh = ZH_ORGS[facts["org"]]
        lines += [f"{zh}在{facts['place']}暂停销售{facts['product']}。此事引发了监管机构的关注。", ""]
    lines += [rng.choice(CHROME_BOTTOM)]
    return "\n".join(lines) + "\n"


def _filler(rng: random.Random, facts: dict) -> str:
    options = [
        f"Analysts in {facts['place']} expect the decision to affect suppliers for several months.",
        f"{facts['person']} declined to comment on the timing.",
        "The company did not respond to a request for comment.",
        f"Shares of {facts['org']} fell {rng.randint(2, 9)} percent in early trading.",
    ]
    return " ".join(rng.sample(options, 2))


def write_corpus(folder: Path, count: int, seed: int = 7) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for index in range(count):
        (folder / f"src_{index:05d}.txt").write_text(make_source(rng, index), encoding="utf-8")
