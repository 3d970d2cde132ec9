"""Cyrillic to Latin, the way English-language news romanises Ukrainian and Russian names.

GeoNames stores Ukrainian and Russian forms of every Ukrainian place but only some of the
romanised ones, so the gazetteer derives the official Ukrainian (2010 national system) and a
common Russian romanisation from the Cyrillic forms.
"""

from __future__ import annotations

_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}
# At the start of a word the 2010 system writes the iotated letters with y.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
_RU_INITIAL = {"е": "ye"}

_UKRAINIAN_ONLY = set("іїєґ")
_RUSSIAN_ONLY = set("ыэъё")


def _convert(text: str, table: dict[str, str], initial: dict[str, str]) -> str:
    out = []
    at_word_start = True
    for ch in text:
        low = ch.lower()
        if low in table:
            latin = initial.get(low, table[low]) if at_word_start else table[low]
            if ch.isupper() and latin:
                latin = latin[0].upper() + latin[1:]
            out.append(latin)
            at_word_start = False
        else:
            out.append(ch)
            at_word_start = not ch.isalpha()
    return "".join(out)


def romanise(cyrillic: str) -> list[str]:
    """Plausible Latin spellings of a Cyrillic name (Ukrainian and/or Russian style)."""
    letters = set(cyrillic.lower())
    forms = []
    if not letters & _RUSSIAN_ONLY:
        forms.append(_convert(cyrillic, _UK, _UK_INITIAL))
    if not letters & _UKRAINIAN_ONLY:
        forms.append(_convert(cyrillic, _RU, _RU_INITIAL))
    return list(dict.fromkeys(f for f in forms if f))
