package vn.thuvien.selftraining.directory;

/**
 * Published when an import has changed the directory (in its transaction): what depends on how the
 * directory names things, such as the intermediate level's Tasklist filter, follows it.
 *
 * @param scope             {@code ALL} or the importer's intermediate unit
 * @param intermediateLevel what the active intermediate units are now called together
 */
public record DirectoryImported(String scope, String intermediateLevel) {
}
