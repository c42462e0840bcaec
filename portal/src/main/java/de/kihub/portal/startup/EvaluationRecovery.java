package de.kihub.portal.startup;

import de.kihub.services.evaluation.Evaluations;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * After the migrations and before any request: evaluation jobs that the previous run of the hub
 * left queued or running will never finish (jobs live in memory), so they are marked FAILED with
 * the reason "interrupted by a server restart" instead of showing RUNNING for ever.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class EvaluationRecovery {
    private static final Logger LOG = Logger.getLogger(EvaluationRecovery.class.getName());

    @Inject Evaluations evaluations;

    @PostConstruct
    void failInterrupted() {
        int failed = evaluations.failInterrupted();
        if (failed > 0) {
            LOG.warning(failed + " evaluation(s) interrupted by the restart were marked FAILED");
        }
    }
}
