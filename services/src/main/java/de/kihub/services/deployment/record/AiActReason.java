package de.kihub.services.deployment.record;

/** Why the questionnaire came to its result: the article and a sentence in German and English. */
public record AiActReason(String article, String de, String en) {}
