package de.kihub.registry.dataset;

/** How a dataset's archive is laid out (see docs/evaluation.md). */
public enum DatasetFormat {
    /** Images plus {@code labels.csv} with {@code file,count}: people counting. */
    COUNTS_CSV,
    /**
     * Frames plus MOTChallenge ground truth {@code gt.txt} ({@code
     * frame,id,left,top,width,height,considered,...}) and {@code lines.json}: counting lines,
     * tracking and detection.
     */
    MOT,
    /** Images in one folder per class: classification. */
    CLASS_FOLDERS
}
