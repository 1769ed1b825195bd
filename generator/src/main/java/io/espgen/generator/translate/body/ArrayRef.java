package io.espgen.generator.translate.body;

import io.espgen.generator.ir.CExpr;
import io.espgen.generator.model.JavaType;

/** An array as C sees it: where it starts, its length (a constant for state arrays), its element type. */
record ArrayRef(CExpr base, CExpr length, JavaType type) {}
