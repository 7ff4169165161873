package document

// parsePDF is wired to the PDF reader once it lands.
func parsePDF(path string, data []byte) (*Document, error) {
	return nil, &Error{Path: path, Msg: "PDF input is not supported yet"}
}
