package io.espgen.generator.translate.body;

import io.espgen.generator.ir.CExpr;
import io.espgen.generator.model.ConstTable;
import io.espgen.generator.model.JavaType;

/**
 * An array as C sees it: where it starts, its length (a constant for state and shared arrays), its element
 * type; table is set for a constant table in flash, which is only read element by element.
 */
record ArrayRef(CExpr base, CExpr length, JavaType type, ConstTable table) {
    ArrayRef(CExpr base, CExpr length, JavaType type) {
        this(base, length, type, null);
    }
}
