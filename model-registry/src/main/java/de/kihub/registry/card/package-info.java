/**
 * Model cards: the structured documentation of a model version (after "Model Cards for Model
 * Reporting", Mitchell et al.), in German and English, with a completeness score.
 */
package de.kihub.registry.card;
