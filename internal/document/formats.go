package document

// parseDOCX and parsePDF are wired to their readers in docx.go and pdf.go.
func parseDOCX(path string, data []byte) (*Document, error) {
	return nil, &Error{Path: path, Msg: ".docx input is not supported yet"}
}

func parsePDF(path string, data []byte) (*Document, error) {
	return nil, &Error{Path: path, Msg: "PDF input is not supported yet"}
}
