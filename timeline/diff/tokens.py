"""Tokens of a text, and the one-character-per-token encoding the C++ scorers work on."""

from __future__ import annotations

import re

# Words and single punctuation marks, plus the whitespace between them, so that the
# tokens of a text joined give the text back exactly.
TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
WORD = re.compile(r"\w+")


class Alphabet(dict[str, str]):
    """Token -> one character, each new token getting the next unused character.

    rapidfuzz and diff-match-patch compare strings character by character; spelling
    each token as one character makes them compare token by token, at C++ speed for
    rapidfuzz, and can never split a word.
    """

    def __missing__(self, token: str) -> str:
        code = len(self) + 0x100
        if code >= 0xD800:
            # Skip the surrogate range, which is not valid text.
            code += 0x800
        char = chr(code)
        self[token] = char
        return char

    def encode_words(self, text: str) -> str:
        """One character per lower-cased word of ``text``; punctuation is left out."""
        return "".join(map(self.__getitem__, WORD.findall(text.lower())))

    def encode_tokens(self, text: str) -> str:
        """One character per token of ``text``, whitespace and punctuation included."""
        return "".join(map(self.__getitem__, TOKEN.findall(text)))
