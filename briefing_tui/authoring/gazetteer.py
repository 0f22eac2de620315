"""General world knowledge the drafter may use: states, their capitals and adjectives, titles and regions.

Nothing here is about any one article. States are listed so that a capital used as a metonym
("Washington declared") or an adjective in a role ("Tajik President") can be tied to a state;
titles and regions keep the name finder from proposing "President" or "Central Asia" as actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# name | other names | adjectives | capital(s)
_STATES = """\
Afghanistan||Afghan|Kabul
Albania||Albanian|Tirana
Algeria||Algerian|Algiers
Andorra||Andorran|Andorra la Vella
Angola||Angolan|Luanda
Antigua and Barbuda||Antiguan|Saint John's
Argentina||Argentine;Argentinian|Buenos Aires
Armenia||Armenian|Yerevan
Australia||Australian|Canberra
Austria||Austrian|Vienna
Azerbaijan||Azerbaijani|Baku
Bahamas|The Bahamas|Bahamian|Nassau
Bahrain||Bahraini|Manama
Bangladesh||Bangladeshi|Dhaka
Barbados||Barbadian|Bridgetown
Belarus||Belarusian|Minsk
Belgium||Belgian|Brussels
Belize||Belizean|Belmopan
Benin||Beninese|Porto-Novo
Bhutan||Bhutanese|Thimphu
Bolivia||Bolivian|Sucre;La Paz
Bosnia and Herzegovina|Bosnia|Bosnian|Sarajevo
Botswana||Botswanan|Gaborone
Brazil||Brazilian|Brasilia;Brasília
Brunei||Bruneian|Bandar Seri Begawan
Bulgaria||Bulgarian|Sofia
Burkina Faso||Burkinabe|Ouagadougou
Burundi||Burundian|Gitega
Cambodia||Cambodian|Phnom Penh
Cameroon||Cameroonian|Yaounde;Yaoundé
Canada||Canadian|Ottawa
Cape Verde|Cabo Verde|Cape Verdean|Praia
Central African Republic|CAR|Central African|Bangui
Chad||Chadian|N'Djamena
Chile||Chilean|Santiago
China|People's Republic of China;PRC|Chinese|Beijing
Colombia||Colombian|Bogota;Bogotá
Comoros||Comorian|Moroni
Democratic Republic of the Congo|DR Congo;DRC|Congolese|Kinshasa
Republic of the Congo|Congo-Brazzaville||Brazzaville
Costa Rica||Costa Rican|San Jose;San José
Croatia||Croatian|Zagreb
Cuba||Cuban|Havana
Cyprus||Cypriot|Nicosia
Czech Republic|Czechia|Czech|Prague
Denmark||Danish|Copenhagen
Djibouti||Djiboutian|Djibouti
Dominica||Dominican|Roseau
Dominican Republic|||Santo Domingo
Ecuador||Ecuadorian|Quito
Egypt||Egyptian|Cairo
El Salvador||Salvadoran|San Salvador
Equatorial Guinea||Equatoguinean|Malabo
Eritrea||Eritrean|Asmara
Estonia||Estonian|Tallinn
Eswatini|Swaziland|Swazi|Mbabane
Ethiopia||Ethiopian|Addis Ababa
Fiji||Fijian|Suva
Finland||Finnish|Helsinki
France||French|Paris
Gabon||Gabonese|Libreville
Gambia|The Gambia|Gambian|Banjul
Georgia||Georgian|Tbilisi
Germany||German|Berlin
Ghana||Ghanaian|Accra
Greece||Greek|Athens
Grenada||Grenadian|Saint George's
Guatemala||Guatemalan|Guatemala City
Guinea||Guinean|Conakry
Guinea-Bissau||Bissau-Guinean|Bissau
Guyana||Guyanese|Georgetown
Haiti||Haitian|Port-au-Prince
Honduras||Honduran|Tegucigalpa
Hungary||Hungarian|Budapest
Iceland||Icelandic|Reykjavik
India||Indian|New Delhi
Indonesia||Indonesian|Jakarta
Iran|Islamic Republic of Iran|Iranian|Tehran
Iraq||Iraqi|Baghdad
Ireland||Irish|Dublin
Israel||Israeli|Jerusalem
Italy||Italian|Rome
Ivory Coast|Côte d'Ivoire;Cote d'Ivoire|Ivorian|Yamoussoukro
Jamaica||Jamaican|Kingston
Japan||Japanese|Tokyo
Jordan||Jordanian|Amman
Kazakhstan||Kazakh|Astana
Kenya||Kenyan|Nairobi
Kiribati|||Tarawa
Kosovo||Kosovar|Pristina
Kuwait||Kuwaiti|Kuwait City
Kyrgyzstan|Kyrgyz Republic|Kyrgyz|Bishkek
Laos||Lao;Laotian|Vientiane
Latvia||Latvian|Riga
Lebanon||Lebanese|Beirut
Lesotho||Basotho|Maseru
Liberia||Liberian|Monrovia
Libya||Libyan|Tripoli
Liechtenstein|||Vaduz
Lithuania||Lithuanian|Vilnius
Luxembourg||Luxembourgish|Luxembourg
Madagascar||Malagasy|Antananarivo
Malawi||Malawian|Lilongwe
Malaysia||Malaysian|Kuala Lumpur
Maldives||Maldivian|Male
Mali||Malian|Bamako
Malta||Maltese|Valletta
Marshall Islands|||Majuro
Mauritania||Mauritanian|Nouakchott
Mauritius||Mauritian|Port Louis
Mexico||Mexican|Mexico City
Micronesia|||Palikir
Moldova||Moldovan|Chisinau;Chișinău
Monaco||Monegasque|Monaco
Mongolia||Mongolian|Ulaanbaatar
Montenegro||Montenegrin|Podgorica
Morocco||Moroccan|Rabat
Mozambique||Mozambican|Maputo
Myanmar|Burma|Burmese|Naypyidaw
Namibia||Namibian|Windhoek
Nauru||Nauruan|Yaren
Nepal||Nepali;Nepalese|Kathmandu
Netherlands|The Netherlands;Holland|Dutch|Amsterdam;The Hague
New Zealand||New Zealand|Wellington
Nicaragua||Nicaraguan|Managua
Niger||Nigerien|Niamey
Nigeria||Nigerian|Abuja
North Korea|DPRK|North Korean|Pyongyang
North Macedonia|Macedonia|Macedonian|Skopje
Norway||Norwegian|Oslo
Oman||Omani|Muscat
Pakistan||Pakistani|Islamabad
Palau||Palauan|Ngerulmud
Palestine|Palestinian Territories|Palestinian|Ramallah
Panama||Panamanian|Panama City
Papua New Guinea|PNG|Papua New Guinean|Port Moresby
Paraguay||Paraguayan|Asuncion;Asunción
Peru||Peruvian|Lima
Philippines|The Philippines|Filipino;Philippine|Manila
Poland||Polish|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari|Doha
Romania||Romanian|Bucharest
Russia|Russian Federation|Russian|Moscow
Rwanda||Rwandan|Kigali
Saint Kitts and Nevis|||Basseterre
Saint Lucia||Saint Lucian|Castries
Saint Vincent and the Grenadines|||Kingstown
Samoa||Samoan|Apia
San Marino|||San Marino
Sao Tome and Principe|São Tomé and Príncipe||Sao Tome
Saudi Arabia|Kingdom of Saudi Arabia;KSA|Saudi|Riyadh
Senegal||Senegalese|Dakar
Serbia||Serbian|Belgrade
Seychelles||Seychellois|Victoria
Sierra Leone||Sierra Leonean|Freetown
Singapore||Singaporean|Singapore
Slovakia||Slovak|Bratislava
Slovenia||Slovenian|Ljubljana
Solomon Islands|||Honiara
Somalia||Somali|Mogadishu
South Africa||South African|Pretoria
South Korea|Republic of Korea|South Korean;Korean|Seoul
South Sudan||South Sudanese|Juba
Spain||Spanish|Madrid
Sri Lanka||Sri Lankan|Colombo
Sudan||Sudanese|Khartoum
Suriname||Surinamese|Paramaribo
Sweden||Swedish|Stockholm
Switzerland||Swiss|Bern
Syria|Syrian Arab Republic|Syrian|Damascus
Taiwan||Taiwanese|Taipei
Tajikistan||Tajik|Dushanbe
Tanzania||Tanzanian|Dodoma
Thailand||Thai|Bangkok
Timor-Leste|East Timor|Timorese|Dili
Togo||Togolese|Lome;Lomé
Tonga||Tongan|Nuku'alofa
Trinidad and Tobago||Trinidadian|Port of Spain
Tunisia||Tunisian|Tunis
Turkey|Türkiye|Turkish|Ankara
Turkmenistan||Turkmen|Ashgabat
Tuvalu|||Funafuti
Uganda||Ugandan|Kampala
Ukraine||Ukrainian|Kyiv;Kiev
United Arab Emirates|UAE|Emirati|Abu Dhabi
United Kingdom|UK;Britain;Great Britain|British|London
United States|United States of America;USA;US;America|American|Washington
Uruguay||Uruguayan|Montevideo
Uzbekistan||Uzbek|Tashkent
Vanuatu|||Port Vila
Vatican City|Holy See;Vatican||Vatican City
Venezuela||Venezuelan|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni|Sanaa;Sana'a
Zambia||Zambian|Lusaka
Zimbabwe||Zimbabwean|Harare
"""

# Regions and blocs of places: named often, never a speaker by themselves.
REGIONS = frozenset(
    "Africa|Asia|Europe|America|Americas|Oceania|Arctic|Antarctica|Caucasus|Balkans|Sahel|Maghreb|Levant|Gulf|"
    "Central Asia|Central Asian|South Asia|South Asian|Southeast Asia|East Asia|Middle East|Near East|Far East|"
    "North Africa|West Africa|East Africa|Southern Africa|Horn of Africa|Latin America|South America|"
    "North America|Central America|Caribbean|Eastern Europe|Western Europe|Central Europe|Northern Europe|"
    "Scandinavia|Persian Gulf|Black Sea|Caspian Sea|Mediterranean|Indo-Pacific|Pacific|Atlantic|Baltic|Baltics|"
    "West|East|North|South|European|Asian|African|Western|Eastern|Arab|Islamic world".split("|")
)

# Words that make a capitalised run a title or role rather than a name ("Foreign Minister", "Colonel-General").
TITLES = frozenset("""
president vice prime minister ministers deputy foreign defence defense interior finance secretary general
colonel-general lieutenant-general major-general colonel lieutenant major captain commander admiral marshal
sergeant officer chief head director chairman chairwoman chair spokesman spokeswoman spokesperson ambassador
envoy representative special senator governor mayor king queen prince princess emir sheikh sultan president-elect
chancellor premier dr mr mrs ms miss professor prof doctor leading senior researcher analyst expert judge justice
pope archbishop bishop imam ayatollah commissioner councillor councilor lawmaker deputies mp speaker
""".split())

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


@dataclass(frozen=True)
class State:
    name: str
    other_names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)


def _split(field: str) -> tuple[str, ...]:
    return tuple(part for part in field.split(";") if part)


@lru_cache(maxsize=1)
def states() -> tuple[State, ...]:
    """Every state in the table."""
    rows = []
    for line in _STATES.splitlines():
        name, other, adjectives, capitals = line.split("|")
        rows.append(State(name, _split(other), _split(adjectives), _split(capitals)))
    return tuple(rows)


@lru_cache(maxsize=1)
def state_lookup() -> dict[str, tuple[State, str]]:
    """Surface form -> (state, how it names the state: "name", "adjective" or "capital")."""
    table: dict[str, tuple[State, str]] = {}
    for state in states():
        for capital in state.capitals:
            table.setdefault(capital, (state, "capital"))
        for adjective in state.adjectives:
            table.setdefault(adjective, (state, "adjective"))
        for name in state.names:
            table[name] = (state, "name")  # a name wins over a capital spelled the same (Djibouti)
    return table
