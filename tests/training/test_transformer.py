"""The transformers backend end to end, on a tiny BERT this test builds (no hub is reachable)."""

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
tokenizers = pytest.importorskip("tokenizers")


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory, small_articles):
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers

    texts = [t for a in small_articles for t in a.texts]
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Lowercase()])
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.train_from_iterator(texts, trainers.WordPieceTrainer(vocab_size=1200, special_tokens=specials))
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)]
    )
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]"
    )
    directory = tmp_path_factory.mktemp("tiny-bert")
    fast.save_pretrained(directory)
    config = transformers.BertConfig(
        vocab_size=fast.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=128,
    )
    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(directory, safe_serialization=True)
    return directory


def _options(base, **extra):
    from tongket.training.train import TrainOptions

    settings = {"backend": "transformers", "base_model": str(base), "epochs": 2, "max_length": 64, "batch_size": 32, "cv": 0}
    return TrainOptions(**{**settings, **extra})


def test_train_save_load_classify(tiny_bert, small_label_files, tmp_path, monkeypatch):
    from tongket.models.store import load_classifier
    from tongket.pipeline import analyse_batch
    from tongket.training.train import train_model

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = train_model(small_label_files[:1], tmp_path / "tm", _options(tiny_bert))
    manifest = json.loads((result.directory / "manifest.json").read_text())
    assert manifest["backend"] == "transformers" and "model.safetensors" in manifest["files"]
    assert not list(result.directory.glob("*.bin"))
    classifier = load_classifier(result.directory)
    article = analyse_batch([_article()], classifier)[0]
    labels = {p.label for p in article.paragraphs}
    assert labels <= set(classifier.classes)
    scores = np.array([list(p.scores.values()) for p in article.paragraphs])
    assert ((scores >= 0) & (scores <= 1)).all()


def _article():
    from tongket.text.document import Article

    return Article(id="t", text="Hội nghị tổng kết năm 2024\n\nNăm qua, ngành đã hoàn thành 95% kế hoạch.\n\nThời gian tới cần tăng cường kiểm tra.")


def test_same_seed_same_weights(tiny_bert, small_articles):
    from tongket.training.transformer import fit_transformer

    first = fit_transformer(small_articles[:4], _options(tiny_bert, epochs=1))
    second = fit_transformer(small_articles[:4], _options(tiny_bert, epochs=1))
    for (name, a), (_, b) in zip(first.model.state_dict().items(), second.model.state_dict().items()):
        assert torch.equal(a, b), name


def test_tampered_weights_are_refused(tiny_bert, small_label_files, tmp_path):
    from tongket.models.store import load_classifier
    from tongket.text.errors import ModelError
    from tongket.training.train import train_model

    directory = train_model(small_label_files[:1], tmp_path / "tm", _options(tiny_bert, epochs=1)).directory
    with (directory / "model.safetensors").open("ab") as handle:
        handle.write(b"\x00")
    with pytest.raises(ModelError, match="checksum"):
        load_classifier(directory)
