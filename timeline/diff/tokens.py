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
        self._add([token])
        return self[token]

    def encode_words(self, text: str) -> str:
        """One character per lower-cased word of ``text``; punctuation is left out."""
        return self._encode(WORD.findall(text.lower()))

    def encode_tokens(self, text: str) -> str:
        """One character per token of ``text``, whitespace and punctuation included."""
        return self._encode(TOKEN.findall(text))

    def _encode(self, tokens: list[str]) -> str:
        # Adding the new tokens in one batch keeps the per-token work in C.
        self._add([token for token in dict.fromkeys(tokens) if token not in self])
        return "".join(map(self.__getitem__, tokens))

    def _add(self, tokens: list[str]) -> None:
        start = len(self) + 0x100
        if start + len(tokens) <= 0xD800:
            self.update(zip(tokens, map(chr, range(start, start + len(tokens))), strict=True))
            return
        for token in tokens:
            code = len(self) + 0x100
            # Skip the surrogate range, which is not valid text.
            self[token] = chr(code + 0x800 if code >= 0xD800 else code)
