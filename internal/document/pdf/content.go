package pdf

import (
	"fmt"
	"math"

	lpdf "github.com/ledongthuc/pdf"
)

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: m applied first, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(tx, ty float64) matrix { return matrix{1, 0, 0, 1, tx, ty} }

// glyph is one character code drawn on the page, placed in page space
// (rotated as the page is shown).
type glyph struct {
	text   string
	x, y   float64 // origin
	endX   float64 // origin of the next glyph, along x
	endY   float64
	dx, dy float64 // unit vector of the baseline direction
	size   float64 // font size in page space
	seq    int     // order in the content streams
	// cont: the glyph follows the previous one in the same text-showing
	// operation, with no positioning in between that could be a word space.
	cont bool
}

// graphics state: the parts that matter for text.
type gstate struct {
	ctm       matrix
	font      *font
	fontSize  float64
	charSpace float64
	wordSpace float64
	hScale    float64 // Tz / 100
	leading   float64
	rise      float64
}

// interpreter runs the content streams of one page.
type interpreter struct {
	ex     *extractor
	glyphs []glyph
	gs     gstate
	stack  []gstate
	tm     matrix // text matrix
	tlm    matrix // text line matrix
	fonts  map[fontKey]*font
	forms  int // form XObjects entered
}

type fontKey struct {
	scope int // which resource dictionary: 0 the page's, then one per form drawn
	name  string
}

type scope struct {
	id  int
	res lpdf.Value
}

// Bounds on the work one document may cause.
const (
	maxFormDepth  = 12       // nesting of form XObjects
	maxForms      = 10000    // form XObjects drawn per page
	maxOperands   = 1 << 12  // operands kept before one operator
	maxOperations = 50 << 20 // operators run per document
	maxGlyphs     = 4 << 20  // glyphs per document
)

// run interprets one content stream.
func (in *interpreter) run(data []byte, sc scope, depth int) error {
	l := &lexer{data: data}
	var ops []operand
	for {
		tok, ok := l.token()
		if !ok {
			return nil
		}
		kw, isKw := tok.(keyword)
		if !isKw || kw == "[" || kw == "<<" {
			v := l.object(tok, 0)
			if len(ops) < maxOperands {
				ops = append(ops, v)
			}
			continue
		}
		in.ex.operations++
		if in.ex.operations > maxOperations {
			return fmt.Errorf("%w: more than %d content stream operators", ErrLimit, maxOperations)
		}
		if err := in.op(string(kw), ops, l, sc, depth); err != nil {
			return err
		}
		ops = ops[:0]
	}
}

func num(ops []operand, i int) float64 {
	if i < 0 || i >= len(ops) {
		return 0
	}
	f, _ := ops[i].(float64)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// nums reports whether the last n operands are numbers and returns them.
func nums(ops []operand, n int) ([]float64, bool) {
	if len(ops) < n {
		return nil, false
	}
	out := make([]float64, n)
	for i := range n {
		f, ok := ops[len(ops)-n+i].(float64)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, false
		}
		out[i] = f
	}
	return out, true
}

func (in *interpreter) op(op string, ops []operand, l *lexer, sc scope, depth int) error {
	gs := &in.gs
	last := len(ops) - 1
	switch op {
	case "BI": // inline image: its dictionary, then binary data up to EI
		for {
			t, ok := l.token()
			if !ok || t == keyword("ID") {
				break
			}
			l.object(t, 0)
		}
		l.skipInlineImage()
	case "q":
		if len(in.stack) < 1024 {
			in.stack = append(in.stack, *gs)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			*gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if v, ok := nums(ops, 6); ok {
			gs.ctm = matrix(v).mul(gs.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Tc":
		gs.charSpace = num(ops, last)
	case "Tw":
		gs.wordSpace = num(ops, last)
	case "Tz":
		gs.hScale = num(ops, last) / 100
	case "TL":
		gs.leading = num(ops, last)
	case "Ts":
		gs.rise = num(ops, last)
	case "Tf":
		if len(ops) >= 2 {
			if n, ok := ops[len(ops)-2].(name); ok {
				f, err := in.font(sc, string(n))
				if err != nil {
					return err
				}
				gs.font = f
			}
			gs.fontSize = num(ops, last)
		}
	case "Td":
		if v, ok := nums(ops, 2); ok {
			in.tlm = translate(v[0], v[1]).mul(in.tlm)
			in.tm = in.tlm
		}
	case "TD":
		if v, ok := nums(ops, 2); ok {
			gs.leading = -v[1]
			in.tlm = translate(v[0], v[1]).mul(in.tlm)
			in.tm = in.tlm
		}
	case "Tm":
		if v, ok := nums(ops, 6); ok {
			in.tm = matrix(v)
			in.tlm = in.tm
		}
	case "T*":
		in.nextLine()
	case "Tj":
		if len(ops) > 0 {
			s, _ := ops[last].(string)
			return in.show(s, false)
		}
	case "'":
		in.nextLine()
		if len(ops) > 0 {
			s, _ := ops[last].(string)
			return in.show(s, false)
		}
	case "\"":
		if len(ops) >= 3 {
			gs.wordSpace = num(ops, last-2)
			gs.charSpace = num(ops, last-1)
			in.nextLine()
			s, _ := ops[last].(string)
			return in.show(s, false)
		}
	case "TJ":
		if len(ops) == 0 {
			return nil
		}
		arr, _ := ops[last].([]operand)
		cont := false
		for _, e := range arr {
			switch e := e.(type) {
			case string:
				if err := in.show(e, cont); err != nil {
					return err
				}
				cont = true
			case float64:
				adj := -e / 1000 // in em
				if gs.font != nil && gs.font.vertical {
					in.tm = translate(0, -adj*gs.fontSize).mul(in.tm)
				} else {
					in.tm = translate(adj*gs.fontSize*gs.hScale, 0).mul(in.tm)
				}
				// A kern of more than a sixth of an em (either way) may
				// be a word space or a jump: let the layout decide.
				if math.Abs(adj) > 0.15 {
					cont = false
				}
			}
		}
	case "Do":
		if len(ops) > 0 {
			if n, ok := ops[last].(name); ok {
				return in.drawForm(sc, string(n), depth)
			}
		}
	}
	return nil
}

func (in *interpreter) nextLine() {
	in.tlm = translate(0, -in.gs.leading).mul(in.tlm)
	in.tm = in.tlm
}

// font returns the font named in the current resources, loading it once.
func (in *interpreter) font(sc scope, n string) (*font, error) {
	key := fontKey{sc.id, n}
	if f, ok := in.fonts[key]; ok {
		return f, nil
	}
	v := sc.res.Key("Font").Key(n)
	f := fallbackFont
	if v.Kind() == lpdf.Dict {
		// The dictionary as written (references unresolved) identifies
		// the font across pages.
		id := v.String()
		if f = in.ex.fonts[id]; f == nil {
			var err error
			if f, err = loadFont(v, in.ex.readStream); err != nil {
				return nil, err
			}
			in.ex.fonts[id] = f
		}
	}
	in.fonts[key] = f
	return f, nil
}

// show draws a string: each character code becomes a glyph, and the text
// matrix advances past it.
func (in *interpreter) show(s string, cont bool) error {
	gs := &in.gs
	f := gs.font
	if f == nil {
		f = fallbackFont
	}
	b := []byte(s)
	for len(b) > 0 {
		n := f.codeLen(b)
		code := b[:n]
		b = b[n:]

		trm := matrix{gs.fontSize * gs.hScale, 0, 0, gs.fontSize, 0, gs.rise}.mul(in.tm).mul(gs.ctm)
		w := f.width(code) / 1000
		space := 0.0
		if n == 1 && code[0] == ' ' {
			space = gs.wordSpace
		}
		if f.vertical {
			in.tm = translate(0, f.vAdvance/1000*gs.fontSize+gs.charSpace+space).mul(in.tm)
		} else {
			in.tm = translate((w*gs.fontSize+gs.charSpace+space)*gs.hScale, 0).mul(in.tm)
		}
		next := matrix{gs.fontSize * gs.hScale, 0, 0, gs.fontSize, 0, gs.rise}.mul(in.tm).mul(gs.ctm)

		text, ok := f.text(code)
		if !ok {
			in.ex.unmapped++
			cont = false
			continue
		}
		if text == "" {
			continue
		}
		in.ex.glyphs++
		if in.ex.glyphs > maxGlyphs {
			return fmt.Errorf("%w: more than %d characters", ErrLimit, maxGlyphs)
		}
		g := glyph{
			text: text,
			x:    trm[4], y: trm[5],
			endX: next[4], endY: next[5],
			size: math.Hypot(trm[2], trm[3]),
			seq:  len(in.glyphs),
			cont: cont,
		}
		// The baseline runs along the text space x axis (down the y axis
		// for vertical writing).
		bx, by := trm[0], trm[1]
		if f.vertical {
			bx, by = -trm[2], -trm[3]
		}
		if h := math.Hypot(bx, by); h > 0 {
			g.dx, g.dy = bx/h, by/h
		} else {
			g.dx = 1
		}
		in.glyphs = append(in.glyphs, g)
		cont = true
	}
	return nil
}

// drawForm runs a form XObject; image XObjects have no text and are
// skipped.
func (in *interpreter) drawForm(sc scope, n string, depth int) error {
	xo := sc.res.Key("XObject").Key(n)
	if xo.Kind() != lpdf.Stream || xo.Key("Subtype").Name() != "Form" {
		return nil
	}
	if depth >= maxFormDepth || in.forms >= maxForms {
		return nil
	}
	in.forms++
	data, err := in.ex.readStream(xo)
	if err != nil {
		return err
	}
	res := xo.Key("Resources")
	inner := scope{id: in.forms, res: res}
	if res.Kind() != lpdf.Dict {
		inner = sc // a form without resources uses its parent's
	}
	saved, savedTm, savedTlm := in.gs, in.tm, in.tlm
	if m := xo.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range 6 {
			fm[i] = m.Index(i).Float64()
		}
		in.gs.ctm = fm.mul(in.gs.ctm)
	}
	depthStack := len(in.stack)
	err = in.run(data, inner, depth+1)
	in.gs, in.tm, in.tlm = saved, savedTm, savedTlm
	in.stack = in.stack[:min(depthStack, len(in.stack))]
	return err
}
