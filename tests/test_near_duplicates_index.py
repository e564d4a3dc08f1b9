"""The near-duplicate pass gives what the plain one-index-of-every-band pass gives.

``reference`` below is that plain pass (every original's bands in one LSH
index, candidates compared in file order); find_near_duplicates skips band
values no other source holds, which must never change the answer.
"""
from __future__ import annotations

import random

import numpy as np

from generator import near_duplicates as nd

WORDS = ("river council bridge vote budget mayor school road tax plan city water park rail bus "
         "market farm energy court judge police fire health port trade union strike harbour").split()


def reference(items, threshold=nd.THRESHOLD):
    index, signatures, by_url, copies = {}, {}, {}, {}
    for item in sorted(items, key=lambda i: i.file):
        original = by_url.get(item.url) if item.url else None
        sig = nd.signature(item.text) if not item.sketch else np.frombuffer(item.sketch, dtype=np.uint64)
        if original is None and sig is not None:
            candidates = sorted({f for key in nd.band_keys(sig) for f in index.get(key, ())})
            if candidates:
                agree = (np.stack([signatures[f] for f in candidates]) == sig).sum(axis=1) / sig.size
                best = int(np.argmax(agree))
                original = candidates[best] if agree[best] >= threshold else None
        if original is not None:
            copies[item.file] = original
            continue
        if item.url:
            by_url[item.url] = item.file
        if sig is not None:
            signatures[item.file] = sig
            for key in nd.band_keys(sig):
                bucket = index.setdefault(key, [])
                if len(bucket) < nd.MAX_BUCKET:
                    bucket.append(item.file)
    return copies


def article(rng: random.Random, n: int = 120) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def edited(rng: random.Random, text: str, changes: int) -> str:
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = rng.choice(WORDS + ["x", "y"])
    return " ".join(words)


def corpus(seed: int) -> list[nd.Item]:
    rng = random.Random(seed)
    originals = [article(rng) for _ in range(60)]
    items = [nd.Item(f"a{i:03}", text) for i, text in enumerate(originals)]
    # Copies with a few to many edits: some above the threshold, some below.
    items += [nd.Item(f"{rng.choice('bz')}{i:03}", edited(rng, rng.choice(originals), rng.choice([0, 1, 3, 8, 30])))
              for i in range(80)]
    # Template-like one-liners: buckets fill past MAX_BUCKET.
    items += [nd.Item(f"t{i:03}", f"Item {rng.randrange(150)} was listed in the weekly council notice today")
              for i in range(200)]
    # Same URL, cached sketches, and texts without words.
    items += [nd.Item(f"u{i:03}", article(rng), f"https://example.org/{rng.randrange(5)}") for i in range(12)]
    items += [nd.Item(f"s{i:03}", "unrelated", sketch=nd.sketch(rng.choice(originals))) for i in range(5)]
    items += [nd.Item("e1", ""), nd.Item("e2", " ... ", "https://example.org/1")]
    rng.shuffle(items)
    return items


def test_same_copies_as_the_plain_pass():
    for seed in range(4):
        items = corpus(seed)
        for threshold in (nd.THRESHOLD, 0.6):
            assert nd.find_near_duplicates(items, threshold) == reference(items, threshold)
    assert reference(corpus(0))             # the corpus does hold copies


def test_band_value_held_once_is_not_shared():
    rng = random.Random(3)
    signatures = np.stack([nd.signature(article(rng)) for _ in range(3)])
    signatures[2, :nd.ROWS] = signatures[0, :nd.ROWS]            # rows 0 and 2 share band 0 only
    shared = nd.shared_band_keys(signatures)
    assert set(shared) == {0, 2} and shared[0] == shared[2] and len(shared[0]) == 1


def test_no_items_and_no_words():
    assert nd.find_near_duplicates([]) == {}
    assert nd.find_near_duplicates([nd.Item("a", ""), nd.Item("b", "", "https://x")]) == {}
