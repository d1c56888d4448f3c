"""Texts spelt one character per word or token, the encodings the C++ scorers work on.

`Words`: one character per lower-cased word, what the alignment scores and indexes;
`Alphabet`: one character per token (words, punctuation marks, spaces), what the word
diffs run on, and the way back to the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import batched, chain, compress, filterfalse, islice
from operator import methodcaller, not_

from timeline.diff.clean import CHINESE

# Chinese is written without spaces, and each of its characters is a word of its own, so
# that "决定将" and "决定按照" share "决定".
_HAS_CHINESE = re.compile(f"[{CHINESE}]").search
# Words and single punctuation marks, plus the whitespace between them, so that the
# tokens of a text joined give the text back exactly.
TOKEN = re.compile(rf"[^\W{CHINESE}]+|[{CHINESE}]|[^\w\s]|\s+")
WORD = re.compile(rf"[^\W{CHINESE}]+|[{CHINESE}]")
# The same, over chunks without spaces joined by single spaces: each space a token (tried
# first: half the tokens are those spaces).
_TOKEN_PIECES = re.compile(rf" |[^\W{CHINESE}]+|[{CHINESE}]|[^\w\s]|[^\S ]+")


def _characters() -> Callable[[], str]:
    """A C-level callable giving one new character per call: U+0000 on, the surrogates
    (not valid text) skipped. The first 256 are the characters Python keeps one copy of,
    which makes reading a code character by character (into sets, counters) cheap for the
    tokens a text uses first, its commonest ("the", ",", "of")."""
    return map(chr, chain(range(0xD800), range(0xE000, 0x110000))).__next__


# Reading words fast: a text in UTF-8, its ASCII letters lower-cased and every other
# ASCII byte that is no part of a word made a space (one ``bytes.translate``), split on the
# spaces. The bytes of a character beyond ASCII are kept, so letters of every script stay
# in their words; the commonest characters beyond ASCII that are no word's (curly quotes,
# dashes, the no-break space) are made spaces first. A word read so that holds a character
# beyond ASCII is then checked once, as it first comes: if lower-casing changes it or it
# holds another mark ("États", "°c"), its character is mended into those of its words. The
# words are exactly ``WORD.findall(text.lower())``, in a quarter of the time.
_SEPARATOR = b"\x1e"  # between the texts of a batch; made a space inside a text
# Texts encoded per pass of `Words.prime`: few passes, each small enough for its strings
# to stay in the processor's cache (10,009 paragraphs primed in 211 ms in one pass, in
# 154 ms in passes of 500).
_PRIME_BATCH = 500
# The same for `Alphabet.prime`: two thirds of those paragraphs in 183 ms in one pass,
# in 151 ms in passes of 2,000.
_TOKENS_BATCH = 2000
_SPACES = bytes(
    ord(chr(b).lower()) if chr(b).isalnum() or b == ord("_") else ord(" ") for b in range(128)
) + bytes(range(128, 256))
_BATCH_SPACES = _SPACES[: ord(_SEPARATOR)] + _SEPARATOR + _SPACES[ord(_SEPARATOR) + 1 :]
_COMMON_MARKS = "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00ab\u00bb\u00a0"


def _word_bytes(text: str) -> bytes:
    """``text`` in UTF-8, the commonest characters beyond ASCII that are no word's made
    spaces (the ASCII ones are made spaces by the translation tables above)."""
    if not text.isascii():
        for mark in _COMMON_MARKS:
            if mark in text:
                text = text.replace(mark, " ")
    # (A lone surrogate, which no word holds, is encoded too, and mended out: see below.)
    return text.encode("utf-8", "surrogatepass")


class Words:
    """Lower-cased word -> one character, and each text's word code, computed once: what
    the alignment scores and indexes (punctuation and spacing aside).

    A text's code is read straight from the text, not from its tokens: most paragraphs a
    comparison reads are only aligned, never diffed word by word, and a batch of them is
    encoded in a few C passes (`prime`)."""

    def __init__(self) -> None:
        # A word's UTF-8 bytes -> its character; the batches' separator first.
        self.code: defaultdict[bytes, str] = defaultdict(_characters())
        self._separator = self.code[_SEPARATOR]
        self._of: dict[str, str] = {}
        self._words: list[bytes] = []  # the words, in the order of their characters
        self._checked = len(self.code)  # how many of ``code``'s words are checked
        # The character of a piece read as a word that is not one lower-cased word ->
        # the characters of the words it holds.
        self._mended: dict[str, str] = {}

    def encode(self, text: str) -> str:
        """One character per word of ``text`` lower-cased (``WORD.findall(text.lower())``)."""
        code = self._of.get(text)
        if code is None:
            code = self._of[text] = self._encode(_word_bytes(text).translate(_SPACES))
        return code

    def prime(self, texts: Iterable[str]) -> None:
        """Encode many texts at once, in a few passes over them joined (`_PRIME_BATCH`
        texts each)."""
        texts = [text for text in dict.fromkeys(texts) if text not in self._of]
        for batch in batched(texts, _PRIME_BATCH):
            joined = _word_bytes(" \x1e ".join(batch))
            if joined.count(_SEPARATOR) != len(batch) - 1:  # a text holds the separator
                for text in batch:
                    self.encode(text)
                continue
            codes = self._encode(joined.translate(_BATCH_SPACES)).split(self._separator)
            self._of.update(zip(batch, codes, strict=True))

    def _encode(self, spaced: bytes) -> str:
        code = "".join(map(self.code.__getitem__, spaced.split()))
        if len(self.code) > self._checked:
            self._check()
        for char, words in self._mended.items():
            if char in code:
                code = code.replace(char, words)
        return code

    def _check(self) -> None:
        """Mend the new words beyond ASCII that are not one lower-cased word."""
        new = list(islice(self.code, self._checked, None))
        for key in filterfalse(bytes.isascii, new):
            word = key.decode("utf-8", "surrogatepass")
            words = WORD.findall(word.lower())
            if words != [word]:
                self._mended[self.code[key]] = "".join(self.code[w.encode()] for w in words)
        self._checked = len(self.code)

    def word(self, char: str) -> str:
        """The word a character spells."""
        n = ord(char)
        if n > 0xDFFF:  # beyond the surrogates, which no word is given
            n -= 0x800
        if n >= len(self._words):  # the words in order of their characters, read on need
            self._words.extend(islice(self.code, len(self._words), None))
        return self._words[n].decode("utf-8", "surrogatepass")

    def encode_word(self, word: str) -> str:
        """The character of one lower-cased word."""
        return self.code[word.encode("utf-8", "surrogatepass")]


class Alphabet:
    """Token -> one character, each new token getting the next unused character; and each
    text's encodings, computed once.

    rapidfuzz and diff-match-patch compare strings character by character; spelling
    each token as one character makes them compare token by token, at C++ speed for
    rapidfuzz, and can never split a word. One alphabet serves a whole comparison's word
    diffs, so that each paragraph is tokenized once (the alignment reads only words:
    `Words`). A new token gets its character inside the C loop that encodes a text (a
    ``defaultdict`` whose factory is itself C), so encoding costs about what finding the
    tokens does.
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
        self._known = 0  # how many of ``code``'s tokens the tables above include
        self._tokens_of: dict[str, str] = {}
        self._token_chunks: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.code)

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
        """Encode many texts at once: one pass over all their chunks not seen before
        costs far less than one per text (a comparison primes with every paragraph it
        diffs)."""
        texts = [text for text in dict.fromkeys(texts) if text not in self._tokens_of]
        space, get = self.code[" "], self._token_chunks.__getitem__
        for batch in batched(texts, _TOKENS_BATCH):
            parts = list(map(methodcaller("split", " "), batch))
            chunks = dict.fromkeys(chain.from_iterable(parts))
            self._learn(list(filterfalse(self._token_chunks.__contains__, chunks)))
            self._tokens_of.update(
                zip(batch, [space.join(map(get, chunks)) for chunks in parts], strict=True)
            )

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
        # Most chunks are a word alone, their own token; the rest ("Council,", "(2012)")
        # are read by the pattern.
        words = list(filter(str.isalnum, new))
        if not all(map(str.isascii, words)):
            # Chinese: a token a character, read by the pattern too.
            words = list(filterfalse(_HAS_CHINESE, words))
        self._token_chunks.update(zip(words, map(get, words), strict=True))
        if len(words) < len(new):
            rest = list(filterfalse(self._token_chunks.__contains__, new))
            tokens = _TOKEN_PIECES.findall(" ".join(rest))
            codes = "".join(map(get, tokens)).split(space)
            self._token_chunks.update(zip(rest, codes, strict=True))

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

    def decode(self, code: str) -> str:
        """The text a code spells (for token codes, exactly the text encoded)."""
        self._catch_up()
        return code.translate(self._decoding)

    def tables(self) -> tuple[list[str | None], list[str | None]]:
        """The ``str.translate`` tables of the characters given so far: each one's token
        (``code.translate(decoding)`` is `decode`), and each word's own character, None
        for punctuation and spaces (``len(code.translate(word_marks))`` counts a code's
        words). For a loop over many codes: one catch-up, not one a code."""
        self._catch_up()
        return self._decoding, self._word_marks

    def _catch_up(self) -> None:
        """Sort out the tokens added since the last call: the newest are the dictionary's
        last entries, read from its end."""
        if len(self.code) > self._known:
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
        marks = [char if word else None for char, word in zip(chars, is_word, strict=True)]
        first, last = ord(chars[0]), ord(chars[-1])
        if len(self._decoding) < last + 1:
            grow = [None] * (last + 1 - len(self._decoding))
            self._decoding += grow
            self._word_marks += grow
        if last - first + 1 == count:
            self._decoding[first : last + 1] = tokens
            self._word_marks[first : last + 1] = marks
            return
        for n, char in enumerate(chars):  # across the surrogates' gap
            self._decoding[ord(char)] = tokens[n]
            self._word_marks[ord(char)] = marks[n]
