"""Word lists shared by the reference parser modules."""

from __future__ import annotations

# Abbreviated words of dotted journal names ("Proc. Natl. Acad. Sci.", "J. Biol. Chem.", "J. Opt. Soc. Am.").
JOURNAL_WORDS = frozenset(
    "J Z Proc Natl Acad Sci Biol Chem Mol Med Res Rev Phys Lett Am Soc Int Eur Clin Nat Ann Appl Biochem "
    "Biophys Immunol Exp Ther Pharm Neurosci Physiol Opt Mater Eng Comput Math Stat Econ Psychol Inst Bull "
    "Trans Rep Ecol Evol Genet Environ Geophys Astron Commun Ind Technol Nucl Polym Surg Anal Org Inorg "
    "Angew Acta Curr Opin Dev Gen Virol Microbiol Endocrinol Metab Oncol Neurol Psychiatr Pediatr Q "
    "Br Can Aust Jpn Ger Fr Adv Mech Struct Quant Theor Electron Dyn Sys Syst Manag Sociol Anthropol "
    "Philos Hist Lit Ling Stud Educ Pol Polit Geogr Arch Archaeol Vet Agric Food Nutr Zool Bot Entomol Amer Intl "
    "Approx Numer Intern Intell Theoret Algebr Geom Topol Probab Optim Fluid Comb Discrete Logic "
    "Conf Symp Assoc Softw Inf Stoch Artif Comp Oper Geol Cryst Chim Ber".split()
)


# Words that open a title as the label of a part or a kind of text, never an author known by one name:
# "Proceedings. Annual Meeting …", "Introduction. Collected Essays", "Editorial. (2020). …"
TITLE_LABELS = frozenset(
    "Abstract Abstracts Addendum Afterword Appendix Bibliography Chapter Commentary Conclusion Conclusions "
    "Contents Correction Corrigendum Editorial Epilogue Erratum Foreword Glossary Guidelines Handbook Index "
    "Introduction Letter Minutes Notes Obituary Overview Preface Proceedings Prologue Report Review Summary "
    "Supplement Volume".split()
)
