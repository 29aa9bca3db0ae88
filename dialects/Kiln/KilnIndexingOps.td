//===- KilnIndexingOps.td - gather and scatter ----------------*- tablegen -*-===//

#ifndef KILN_INDEXING_OPS_TD
#define KILN_INDEXING_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

#endif // KILN_INDEXING_OPS_TD
