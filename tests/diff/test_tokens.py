"""The one-character-per-token encoding: exact, shared by a whole comparison."""

import random

import pytest

from timeline.diff import Op
from timeline.diff.tokens import TOKEN, WORD, Alphabet, Words
from timeline.diff.words import diff_words

# Text as pastes bring it: words, marks, every kind of whitespace, runs of spaces,
# Arabic, Chinese (its characters and full-width marks), digits and underscores.
PIECES = [*"ab cD,.;()[]“”'-_ 1\t\n\u00a0\u2028إذ决定，。", "  ", "the ", "The ", "安理会"]


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
        # The same text is the same code, and the same token the same character.
        assert alphabet.encode_tokens(text) == tokens


# And for words: marks beyond ASCII (common and not), letters of other scripts, capitals
# that lower-case beyond ASCII, a lone surrogate, and the character that separates a
# batch's texts.
WORD_PIECES = [*PIECES, *"«»§°،؛é\u00c9\u0130\x1e\u2014\u2026\ud800", "Côte", "ДОКЛАД"]


@pytest.mark.parametrize("seed", range(40))
def test_word_codes_spell_the_words_of_each_text_primed_or_not(seed):
    rng = random.Random(seed)
    batch = ["".join(rng.choices(WORD_PIECES, k=rng.randrange(40))) for _ in range(8)]
    primed, one_by_one = Words(), Words()
    primed.prime(batch)
    for text in batch:
        code = primed.encode(text)
        assert [primed.word(c) for c in code] == WORD.findall(text.lower())
        assert [one_by_one.word(c) for c in one_by_one.encode(text)] == WORD.findall(text.lower())
        # The same word is the same character, however it came.
        assert all(primed.encode_word(primed.word(c)) == c for c in code)


def test_word_codes_of_a_batch_larger_than_one_pass_spell_each_text():
    # Primed in passes of a few hundred texts: a word that needs mending first comes in
    # a later pass, and one text of the middle pass holds the batches' separator.
    rng = random.Random(7)
    batch = ["".join(rng.choices(PIECES, k=rng.randrange(40))) for _ in range(1300)]
    batch[1100] = "Côte d’Ivoire, ÉTATS and °c"
    batch[1299] = "États-Unis"
    batch[700] = "a\x1eb c"
    words = Words()
    words.prime(batch)
    for text in batch:
        assert [words.word(c) for c in words.encode(text)] == WORD.findall(text.lower())


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


def test_words_beyond_the_surrogates_are_read_back():
    words = Words()
    text = " ".join(f"w{n}" for n in range(0xD800 + 10))
    code = words.encode(text)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in code)
    assert [words.word(c) for c in code[-12:]] == text.split()[-12:]


def test_token_codes_of_a_batch_larger_than_one_pass_spell_each_text():
    rng = random.Random(11)
    batch = ["".join(rng.choices(PIECES, k=rng.randrange(40))) for _ in range(4500)]
    alphabet = Alphabet()
    alphabet.prime(batch)
    for text in batch:
        assert alphabet.decode(alphabet.encode_tokens(text)) == text


def test_each_chinese_character_is_a_word_and_a_token():
    """Chinese is written without spaces: a run of it is as many words as characters,
    so that two paragraphs opening "决定将" and "决定按照" share "决定"."""
    text = "决定按照第2642(2022)号决议，COVID-19大流行"
    assert WORD.findall(text.lower()) == [
        *"决定按照第",
        "2642",
        "2022",
        *"号决议",
        "covid",
        "19",
        *"大流行",
    ]
    words = Words()
    assert len(words.encode(text)) == len(WORD.findall(text.lower()))
    alphabet = Alphabet()
    assert alphabet.decode(alphabet.encode_tokens(text)) == text
    assert len(alphabet.encode_tokens(text)) == len(TOKEN.findall(text))


def test_a_chinese_diff_keeps_the_characters_both_texts_hold():
    ops = diff_words(
        "决定将安全理事会第2165(2014)号决议所载各项决定的期限延续6个月，至2023年1月10日，",
        "决定按照第2642(2022)号决议第2段确认将安全理事会第2165(2014)号决议所载各项决定的期限"
        "延续6个月，至2023年7月10日，",
    )
    assert ops == (
        (Op.EQUAL, "决定"),
        (Op.INSERT, "按照第2642(2022)号决议第2段确认"),
        (Op.EQUAL, "将安全理事会第2165(2014)号决议所载各项决定的期限延续6个月，至2023年"),
        (Op.DELETE, "1"),
        (Op.INSERT, "7"),
        (Op.EQUAL, "月10日，"),
    )
