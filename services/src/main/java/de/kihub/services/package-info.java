/** What models do: inference, deployments, evaluation, people counting and model import. */
package de.kihub.services;
