"""Tokens of a text, and the one-character-per-token encoding the C++ scorers work on."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import chain, compress, filterfalse, islice
from operator import methodcaller, not_

# Words and single punctuation marks, plus the whitespace between them, so that the
# tokens of a text joined give the text back exactly.
TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
WORD = re.compile(r"\w+")
# The same, over chunks without spaces joined by single spaces: each space a token (tried
# first: half the tokens are those spaces).
_TOKEN_PIECES = re.compile(r" |\w+|[^\w\s]|[^\S ]+")


def _characters() -> Callable[[], str]:
    """A C-level callable giving one new character per call: U+0000 on, the surrogates
    (not valid text) skipped. The first 256 are the characters Python keeps one copy of,
    which makes reading a code character by character (into sets, counters) cheap for the
    tokens a text uses first, its commonest ("the", ",", "of")."""
    return map(chr, chain(range(0xD800), range(0xE000, 0x110000))).__next__


class Alphabet:
    """Token -> one character, each new token getting the next unused character; and each
    text's encodings, computed once.

    rapidfuzz and diff-match-patch compare strings character by character; spelling
    each token as one character makes them compare token by token, at C++ speed for
    rapidfuzz, and can never split a word. One alphabet serves a whole comparison, so
    that alignment, merges and word diffs tokenize each paragraph once. A new token gets
    its character inside the C loop that encodes a text (a ``defaultdict`` whose factory
    is itself C), so encoding costs about what finding the tokens does.
    """

    def __init__(self) -> None:
        # token -> its character
        self.code: defaultdict[str, str] = defaultdict(_characters())
        self._token: dict[str, str] = {}  # character -> its token
        self._spaces: set[str] = set()
        # ``str.translate`` tables indexed by a character's code point: its token, and
        # the character itself if it is a word's, else None (a list, not a dict: a table
        # read by index, with no character made per character read).
        self._decoding: list[str | None] = []
        self._word_marks: list[str | None] = []
        # And a word's character -> the character of the word lower-cased, None for the
        # rest: a text's word code is its token code read through this table.
        self._lowered: list[str | None] = []
        self._known = 0  # how many of ``code``'s tokens the tables above include
        self._words_of: dict[str, str] = {}
        self._tokens_of: dict[str, str] = {}
        self._token_chunks: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.code)

    def encode_words(self, text: str) -> str:
        """One character per lower-cased word of ``text``; punctuation is left out."""
        code = self._words_of.get(text)
        if code is None:
            tokens = self.encode_tokens(text)
            self._catch_up()
            code = self._words_of[text] = tokens.translate(self._lowered)
        return code

    def encode_tokens(self, text: str) -> str:
        """One character per token of ``text``, whitespace and punctuation included."""
        code = self._tokens_of.get(text)
        if code is None:
            space = self.code[" "]
            try:
                code = space.join(map(self._token_chunks.__getitem__, text.split(" ")))
            except KeyError:
                code = space.join(map(self._token_chunks.__getitem__, self._chunks(text)))
            self._tokens_of[text] = code
        return code

    def prime(self, texts: Iterable[str]) -> None:
        """Learn the chunks of many texts at once: one pass over all the chunks not seen
        before costs far less than one per text (a comparison primes with every
        paragraph it may need)."""
        chunks = dict.fromkeys(chain.from_iterable(map(methodcaller("split", " "), texts)))
        self._learn(list(filterfalse(self._token_chunks.__contains__, chunks)))

    def _chunks(self, text: str) -> list[str]:
        """The space-separated chunks of ``text`` ("[the", "Council,"), each one's codes
        known: a text's code is then its chunks' codes joined, split and looked up in C."""
        parts = text.split(" ")
        self._learn(list(filterfalse(self._token_chunks.__contains__, dict.fromkeys(parts))))
        return parts

    def _learn(self, new: list[str]) -> None:
        """The codes of chunks not seen before, read in one pass, joined by spaces.

        The chunks come in the order the texts hold them, so that each token gets the
        same character in every process: ties between words are broken by their
        characters, and a set's order changes with each process's string hashing."""
        if not new:
            return
        get, space = self.code.__getitem__, self.code[" "]
        tokens = _TOKEN_PIECES.findall(" ".join(new))
        codes = "".join(map(get, tokens)).split(space)
        self._token_chunks.update(zip(new, codes, strict=True))

    def encode_token(self, token: str) -> str:
        """The character of one token."""
        return self.code[token]

    @property
    def token(self) -> dict[str, str]:
        """Character -> the token it spells."""
        self._catch_up()
        return self._token

    @property
    def spaces(self) -> set[str]:
        """The characters of whitespace tokens."""
        self._catch_up()
        return self._spaces

    @property
    def words(self) -> set[str]:
        """The characters of word tokens."""
        self._catch_up()
        return set(filter(None, self._word_marks))

    def decode(self, code: str) -> str:
        """The text a code spells (for token codes, exactly the text encoded)."""
        self._catch_up()
        return code.translate(self._decoding)

    def count_words(self, code: str) -> int:
        """How many of a code's characters are words' (not punctuation or spaces)."""
        self._catch_up()
        return len(code.translate(self._word_marks))

    def _catch_up(self) -> None:
        """Sort out the tokens added since the last call: the newest are the dictionary's
        last entries, read from its end. (A word's lower-cased form may be a new token,
        sorted out in the next round.)"""
        while len(self.code) > self._known:
            self._sort_out(len(self.code) - self._known)

    def _sort_out(self, count: int) -> None:
        self._known = len(self.code)
        # The newest tokens, oldest first: their characters follow one another.
        tokens, chars = zip(
            *reversed(list(islice(reversed(self.code.items()), count))), strict=True
        )
        self._token.update(zip(chars, tokens, strict=True))
        # Most tokens are words of letters and digits, sorted out in C; the rest one by one.
        is_word = list(map(str.isalnum, tokens))
        for n in compress(range(count), list(map(not_, is_word))):
            token = tokens[n]
            if token.isspace():
                self._spaces.add(chars[n])
            else:
                is_word[n] = token[-1].isalnum() or token[-1] == "_"
        get = self.code.__getitem__
        marks = [char if word else None for char, word in zip(chars, is_word, strict=True)]
        # (Lower-casing may add tokens: the next round sorts them out.)
        lowered = [
            get(token.lower()) if word else None
            for token, word in zip(tokens, is_word, strict=True)
        ]
        first, last = ord(chars[0]), ord(chars[-1])
        if len(self._decoding) < last + 1:
            grow = [None] * (last + 1 - len(self._decoding))
            self._decoding += grow
            self._word_marks += grow
            self._lowered += grow
        if last - first + 1 == count:
            self._decoding[first : last + 1] = tokens
            self._word_marks[first : last + 1] = marks
            self._lowered[first : last + 1] = lowered
            return
        for n, char in enumerate(chars):  # across the surrogates' gap
            self._decoding[ord(char)] = tokens[n]
            self._word_marks[ord(char)] = marks[n]
            self._lowered[ord(char)] = lowered[n]
