// The incumbent callback CBC 2.10's C API lacks: a CbcEventHandler that hands every new
// incumbent (values, objective, bound) to a C function pointer.
#include "CbcModel.hpp"
#include "CbcSolver.hpp"
#include "CbcEventHandler.hpp"
#include "OsiClpSolverInterface.hpp"
// The C API's model structure (its layout is public under CBC_EXTERN_C).
#define CBC_EXTERN_C
#include "Coin_C_defines.h"

#include "CbcIncumbents.h"

namespace {

class IncumbentHandler : public CbcEventHandler {
public:
  IncumbentHandler(fairflip_incumbent_callback callback, void *context)
    : CbcEventHandler(), callback_(callback), context_(context) {}

  IncumbentHandler(const IncumbentHandler &other)
    : CbcEventHandler(other), callback_(other.callback_), context_(other.context_) {}

  CbcEventHandler *clone() const override { return new IncumbentHandler(*this); }

  CbcAction event(CbcEvent which) override {
    if ((which == solution || which == heuristicSolution) && model_ != nullptr && callback_ != nullptr) {
      const double *values = model_->bestSolution();
      if (values != nullptr) {
        callback_(context_, model_->getNumCols(), values, model_->getMinimizationObjValue(),
                  model_->getBestPossibleObjValue());
      }
    }
    return noAction;
  }

private:
  fairflip_incumbent_callback callback_;
  void *context_;
};

} // namespace

extern "C" void fairflip_cbc_watch_incumbents(void *cbcModel, fairflip_incumbent_callback callback, void *context) {
  Cbc_Model *model = static_cast<Cbc_Model *>(cbcModel);
  IncumbentHandler handler(callback, context);
  model->model_->passInEventHandler(&handler);  // CBC keeps a clone
}
