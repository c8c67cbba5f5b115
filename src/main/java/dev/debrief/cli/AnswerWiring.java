package dev.debrief.cli;

import dev.debrief.answer.AnswerComposer;
import dev.debrief.answer.AnswerService;
import dev.debrief.answer.AnswerWriter;
import dev.debrief.answer.EvidenceSelector;
import dev.debrief.answer.ExtractiveComposer;
import dev.debrief.answer.Library;
import dev.debrief.answer.NameCheck;
import dev.debrief.answer.QuestionAnalyzer;
import dev.debrief.answer.RefusalPolicy;
import dev.debrief.answer.Synonyms;
import dev.debrief.config.DebriefConfig;
import dev.debrief.embed.EmbeddingModel;
import dev.debrief.embed.Vocabulary;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.retrieve.HybridRetriever;
import dev.debrief.retrieve.RetrievalBackend;
import dev.debrief.retrieve.Retriever;
import dev.debrief.retrieve.TermStatistics;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How questions are answered: the hybrid retriever, term statistics, what the library holds,
 * question analysis, the extractive composer, the configured composer (through {@link LlmWiring})
 * and the answer service over them. Each shared piece is made once, on first use. Not thread-safe
 * (see {@link Wiring}).
 */
final class AnswerWiring {
  private final Wiring root;
  private final DebriefConfig config;
  private final StorageWiring storage;
  private final AccessWiring access;
  private final LlmWiring llm;
  private HybridRetriever retriever;
  private ExtractiveComposer extractive;
  private AnswerService answerer;
  private Library library;
  private QuestionAnalyzer questionAnalyzer;
  private AnswerComposer composer;

  /**
   * @param root the settings (clock)
   * @param storage the backend retrieval reads and the embedder
   * @param access the citation links answers carry
   * @param llm the configured LLM composer
   */
  AnswerWiring(Wiring root, StorageWiring storage, AccessWiring access, LlmWiring llm) {
    this.root = root;
    this.config = root.config();
    this.storage = storage;
    this.access = access;
    this.llm = llm;
  }

  HybridRetriever retriever() {
    if (retriever == null) {
      retriever =
          new HybridRetriever(
              storage.retrievalBackend(),
              storage.embedder(),
              access.links(),
              config.retrieve.rrfK,
              config.retrieve.bm25Depth,
              config.retrieve.knnDepth,
              config.retrieve.maxQueryTerms,
              config.retrieve.vectorWeight);
    }
    return retriever;
  }

  TermStatistics termStatistics() {
    return new TermStatistics(storage.retrievalBackend());
  }

  Library library() {
    if (library == null) {
      ReportCatalog catalog = storage.catalog();
      RetrievalBackend backend = storage.retrievalBackend();
      library =
          new Library(
              catalog::list,
              backend::passageCount,
              Vocabulary.of(EmbeddingModel.of(config.embedding.model)),
              root.clock());
    }
    return library;
  }

  QuestionAnalyzer questionAnalyzer() {
    if (questionAnalyzer == null) {
      Library lib = library();
      questionAnalyzer = new QuestionAnalyzer(termStatistics(), Synonyms.standard(), lib::events);
    }
    return questionAnalyzer;
  }

  ExtractiveComposer extractive() {
    if (extractive == null) {
      extractive =
          new ExtractiveComposer(
              questionAnalyzer(),
              new EvidenceSelector(
                  storage.sentenceEmbedder(), termStatistics(), EvidenceSelector.Weights.DEFAULT),
              RefusalPolicy.DEFAULT,
              new AnswerWriter(access.links()),
              config.answer.maxSentences);
    }
    return extractive;
  }

  AnswerComposer composer() {
    if (composer == null) {
      composer = llm.composer(storage.embedder(), extractive());
    }
    return composer;
  }

  AnswerService answerer() {
    if (answerer == null) {
      answerer = answerService(retriever(), composer());
    }
    return answerer;
  }

  private AnswerService answerService(Retriever r, AnswerComposer c) {
    return new AnswerService(
        r,
        c,
        questionAnalyzer(),
        new NameCheck(storage.retrievalBackend(), termStatistics(), library()),
        config.answer.passages,
        config.slack.maxQuestionChars);
  }

  BiFunction<String, Integer, List<Hit>> scopedRetrieval(HybridRetriever.Mode mode) {
    AnswerService s = answerService(retriever().withMode(mode), composer());
    return (q, k) -> s.retrieve(Question.of(q), k);
  }
}
