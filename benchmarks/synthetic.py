"""Varied synthetic film articles in the plain-text format, for benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

FIRST = ["Anna", "Lars", "Mette", "Jonas", "Sofie", "Mikkel", "Ida", "Rasmus", "Freja", "Emil", "Karen", "Ole"]
LAST = ["Holm", "Berg", "Lund", "Kjær", "Dahl", "Vinter", "Skov", "Bæk", "Krogh", "Nørby", "Falk", "Ravn"]
WORDS = ["Winter", "Light", "Harbour", "Silence", "Echo", "Island", "Summer", "Shadow", "River", "Glass"]
COUNTRIES = [("Denmark", "Danish"), ("Sweden", "Swedish"), ("Norway", "Norwegian"), ("Finland", "Finnish")]
GENRES = ["drama", "comedy", "thriller", "documentary", "crime"]
BODIES = ["Robert Awards", "Bodil Awards", "Guldbagge Awards", "Amanda Awards"]
CATEGORIES = ["Best Film", "Best Director", "Best Actress", "Best Actor", "Best Screenplay", "Best Score"]


def article(number: int, seed: int = 0) -> str:
    rng = random.Random(seed * 100_003 + number)

    def person() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}{rng.randint(1, 999)}"

    title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {number}"
    country, adjective = rng.choice(COUNTRIES)
    director, writer = person(), person()
    cast = [(person(), rng.choice(FIRST)) for _ in range(rng.randint(3, 9))]
    year = rng.randint(1990, 2025)
    lines = [f"= {title} =", "", "Infobox", f"- Directed by: {director}", f"- Written by: {writer} and {director}",
             f"- Starring: {', '.join(a for a, _ in cast[:3])}", f"- Music by: {person()}",
             f"- Cinematography: {person()}", f"- Studio: {rng.choice(WORDS)} Film",
             f"- Running time: {rng.randint(75, 160)} minutes", f"- Country: {country}", f"- Language: {adjective}",
             "", f"{title} is a {year} {adjective} {rng.choice(GENRES)} film directed by {director}.",
             f"The film was released in {country} on {rng.randint(1, 28)} March {year}.", "", "==Cast=="]
    lines += [f"- {actor} as {character}" for actor, character in cast]
    lines += ["", "==Accolades==", "| Award | Date of ceremony | Category | Recipient(s) | Result |"]
    body = rng.choice(BODIES)
    for index, category in enumerate(rng.sample(CATEGORIES, rng.randint(1, 4))):
        leading = f"| {body} | {rng.randint(1, 28)} February {year + 1} " if index == 0 else ""
        lines.append(f"{leading}| {category} | {rng.choice(cast)[0]} | {rng.choice(['Won', 'Nominated'])} |")
    return "\n".join(lines) + "\n"


def write_articles(folder: Path, count: int) -> Path:
    """``count`` synthetic articles written into ``folder/articles``; returns that folder."""
    articles = folder / "articles"
    articles.mkdir()
    for number in range(count):
        (articles / f"film{number:05d}.txt").write_text(article(number), encoding="utf-8")
    return articles
