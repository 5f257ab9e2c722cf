#ifndef FAIRFLIP_CBC_INCUMBENTS_H
#define FAIRFLIP_CBC_INCUMBENTS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Called on CBC's search thread each time CBC accepts a new incumbent: `count` values (one per
/// column of the model CBC is searching), their objective in CBC's minimisation sense, and the
/// best bound proven so far (also minimisation sense; a huge number when there is none).
typedef void (*fairflip_incumbent_callback)(void *context, int count, const double *values,
                                            double objective, double bound);

/// Makes the CBC model behind `cbcModel` (a `Cbc_Model *` of CBC's C API) call `callback` with
/// every new incumbent during `Cbc_solve`. CBC 2.10's C API has no incumbent callback; this
/// installs a CbcEventHandler (C++) on the model, which CBC's solve driver copies into the
/// model it searches. Call before `Cbc_solve`; `context` must outlive the solve.
void fairflip_cbc_watch_incumbents(void *cbcModel, fairflip_incumbent_callback callback, void *context);

#ifdef __cplusplus
}
#endif

#endif
