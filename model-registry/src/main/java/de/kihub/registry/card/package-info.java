/**
 * Model cards: the structured documentation of a model version (after "Model Cards for Model
 * Reporting", Mitchell et al.), in German and English, with a completeness score, a revision
 * history with line diffs, and the sanitising Markdown renderer every page and API uses to show
 * them.
 */
package de.kihub.registry.card;
