Model status
Optimal

# Primal solution values
Feasible
Objective 0.01883269
# Columns 6
flip_256 0
flip_367 1
flip_381 1
flip_395 1
dtheta_0 -0.2
abs_tpr 0.03
# Rows 2
dtheta_def_0 0
budget 3

# Dual solution values
None
