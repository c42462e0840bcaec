/**
 * Documentation built from what the hub knows: a model card with its quantitative analyses filled
 * in from the hub's own evaluations, as sanitised HTML and as a Hugging Face model card (Markdown
 * with YAML front matter).
 */
package de.kihub.services.documentation;
