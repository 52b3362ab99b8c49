// TallyCSV: CSV reading and writing over libcsv. (Being written.)
