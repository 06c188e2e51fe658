"""Canadian French formats where Django's differ from what a Québec reader expects.

Django's fr_CA TIME_FORMAT leaves the "h" unescaped, so 14:30 prints "14 02 30"; the Office
québécois de la langue française writes "14 h 30". Everything else comes from Django's fr_CA.
"""

from django.conf.locale.fr_CA.formats import *  # noqa: F403

TIME_FORMAT = "G\xa0\\h\xa0i"  # 14 h 30, 9 h 05
DATETIME_FORMAT = "j F Y, G\xa0\\h\xa0i"  # 3 décembre 2026, 14 h 30
SHORT_DATETIME_FORMAT = "Y-m-d G\xa0\\h\xa0i"
