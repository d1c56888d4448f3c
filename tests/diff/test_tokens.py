"""The one-character-per-token encoding: exact, shared by a whole comparison."""

import random

import pytest

from timeline.diff import Op
from timeline.diff.tokens import TOKEN, WORD, Alphabet
from timeline.diff.words import diff_words

# Text as pastes bring it: words, marks, every kind of whitespace, runs of spaces,
# Arabic, digits and underscores.
PIECES = [*"ab cD,.;()[]“”'-_ 1\t\n\u00a0\u2028إذ", "  ", "the ", "The "]


def texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randrange(40))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(40))
def test_codes_spell_the_tokens_and_words_of_each_text(seed):
    alphabet = Alphabet()
    for text in texts(seed, 8):
        tokens = alphabet.encode_tokens(text)
        assert alphabet.decode(tokens) == text
        assert [alphabet.token[c] for c in tokens if c not in alphabet.spaces] == [
            t for t in TOKEN.findall(text) if not t.isspace()
        ]
        words = alphabet.encode_words(text)
        assert [alphabet.token[c] for c in words] == WORD.findall(text.lower())
        assert all(c in alphabet.words for c in words)
        # The same text is the same code, and the same token the same character.
        assert alphabet.encode_tokens(text) == tokens


@pytest.mark.parametrize("seed", range(40))
def test_a_shared_alphabet_diffs_as_a_fresh_one_does(seed):
    shared = Alphabet()
    olds, news = texts(seed, 6), texts(seed + 1000, 6)
    for old, new in zip(olds, news, strict=True):
        ops = diff_words(old, new, shared)
        assert ops == diff_words(old, new)
        assert "".join(text for op, text in ops if op is not Op.INSERT) == old
        assert "".join(text for op, text in ops if op is not Op.DELETE) == new


def test_characters_skip_the_surrogates():
    alphabet = Alphabet()
    words = " ".join(f"w{n}" for n in range(0xD800 + 10))
    code = alphabet.encode_tokens(words)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in code)
    assert alphabet.decode(code) == words
