"""Read rainforest HDF5 files into tidy pandas frames, and write HTML reports.

    from rainforest_analysis import open_file
    f = open_file("results/hangzhou-vs-nanjing.h5")
    f.series(["firms_alive"])      # run, region, month, metric, value (+ scenario for comparisons)

Needs Debian's python3-h5py, python3-pandas, python3-matplotlib, python3-scipy and, for the
demography module (survival, hazards, exit multiples from the firm event log), python3-statsmodels
(/usr/bin/python3).
"""
from .reader import RainforestFile, open_file

__all__ = ["RainforestFile", "open_file"]
