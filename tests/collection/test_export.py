"""export_collection gives back the imported file exactly."""

from io import StringIO

from django.core.management import call_command

from tests.helpers import COLLECTION_PATH
from timeline.collection import collection_dumps, collection_export


def test_import_then_export_gives_back_the_same_file(syria):
    assert collection_export() == syria
    assert collection_dumps(collection_export()) == COLLECTION_PATH.read_text(encoding="utf-8")


def test_the_command_writes_the_file(syria, tmp_path):
    output = tmp_path / "export.json"
    call_command("export_collection", output=str(output), stderr=StringIO())
    assert output.read_bytes() == COLLECTION_PATH.read_bytes()


def test_the_command_writes_to_standard_output(syria, capsys):
    call_command("export_collection")
    assert capsys.readouterr().out == COLLECTION_PATH.read_text(encoding="utf-8")


def test_the_export_reads_in_a_fixed_number_of_queries(syria, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        collection_export()
