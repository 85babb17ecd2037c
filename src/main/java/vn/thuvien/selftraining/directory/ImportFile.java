package vn.thuvien.selftraining.directory;

/** An uploaded file: a CSV table or an Excel workbook, recognised by content, not by name. */
public record ImportFile(String fileName, byte[] content) {
}
