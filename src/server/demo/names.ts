/**
 * Names for the synthetic Paraguayan persons: common Spanish and Guaraní given names and the
 * surnames most frequent in Paraguay (Spanish, Guaraní-origin and a few of other European origin),
 * each list in rough decreasing frequency. Common words only, combined at random — no real person's
 * data. The weights follow a Zipf curve fitted so that González, the commonest surname, is about
 * 5–6 % of persons and the long tail is as thin as in the civil registry's lists.
 */

/** A list written as comma-separated text (keeps long lists readable and short). */
export function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export const FEMALE_NAMES = list(`
  María, Ana, Rosa, Liz, Juana, Ramona, Carmen, Lourdes, Gladys, Mirna, Nélida, Zunilda, Araceli,
  Rossana, Blanca, Celia, Teresa, Graciela, Sonia, Mabel, Noelia, Fátima, Rocío, Perla, Tamara,
  Jazmín, Fabiola, Karina, Natalia, Griselda, Estela, Digna, Cinthia, Leticia, Milagros, Belén,
  Aurora, Elvira, Librada, Cándida, Andrea, Alejandra, Adriana, Alba, Alicia, Amalia, Angélica,
  Antonia, Beatriz, Bernarda, Carolina, Catalina, Cecilia, Clara, Claudia, Cristina, Dahiana, Dalila,
  Damiana, Delia, Diana, Dora, Edith, Elena, Elisa, Emilia, Emilce, Esther, Eva, Felicia, Fernanda,
  Francisca, Gabriela, Gloria, Guadalupe, Hilda, Irma, Isabel, Isidora, Jessica, Josefa, Josefina,
  Julia, Juliana, Laura, Lidia, Lilian, Lorena, Lucía, Luisa, Luz, Magdalena, Marcela, Margarita,
  Mariela, Marisol, Marta, Mercedes, Micaela, Miriam, Mónica, Nancy, Nidia, Nilda, Norma, Olga,
  Paola, Patricia, Paula, Petrona, Raquel, Rebeca, Regina, Reina, Rita, Rosalía, Ruth, Sandra, Sara,
  Silvia, Sofía, Susana, Valeria, Vanesa, Verónica, Victoria, Viviana, Yanina, Yolanda, Zulma,
  Abigail, Agustina, Aída, Ángela, Bianca, Camila, Fiorella, Florencia, Gisela, Ingrid,
  Jimena, Karen, Liliana, Lucero, Mariana, Marlene, Matilde, Melisa, Nadia, Nora, Pamela, Priscila,
  Romina, Selva, Soledad, Tania, Vilma, Eladia, Eusebia, Faustina, Gregoria, Hermelinda, Inocencia,
  Lucila, Maximina, Modesta, Olimpia, Rufina, Zully, Emiliana, Dominga, Celeste, Leonor, Irene,
`);

export const MALE_NAMES = list(`
  Juan, José, Carlos, Luis, Ramón, Víctor, Rubén, Pedro, Miguel, Jorge, Antonio, Francisco, Derlis,
  Nery, Osvaldo, Ever, Arnaldo, Hugo, Celso, Elvio, Cristian, Diego, Óscar, Fredy, Alcides, Librado,
  Feliciano, Édgar, Wilfrido, Blas, Rodrigo, Aníbal, Hernán, Gustavo, Sergio, Teodoro, Javier,
  Fernando, Ricardo, Roberto, Raúl, Mario, Marcos, Martín, Mauricio, Néstor, Nelson, Pablo, Rafael,
  Ramiro, Alberto, Alejandro, Alfredo, Andrés, Ángel, Arturo, Benjamín, Bernardo, César, Claudio,
  Cristóbal, Daniel, David, Domingo, Eduardo, Elías, Emilio, Enrique, Ernesto, Esteban, Eugenio,
  Fabián, Federico, Felipe, Gabriel, Gerardo, Gilberto, Gregorio, Guillermo, Héctor, Horacio, Ignacio,
  Isidro, Iván, Jacinto, Jaime, Joel, Jonatan, Julio, Justo, Leonardo, Lorenzo, Lucas, Manuel,
  Marcelo, Mariano, Matías, Máximo, Milciades, Moisés, Nicolás, Orlando, Pascual, Patricio, Porfirio,
  Reinaldo, Rogelio, Rolando, Santiago, Saturnino, Sebastián, Silvio, Simón, Tomás, Ulises, Valentín,
  Vicente, Wilson, Walter, Agustín, Aldo, Amado, Anselmo, Basilio, Bienvenido, Casimiro, Catalino,
  Cirilo, Crispín, Dionisio, Efraín, Eladio, Epifanio, Estanislao, Eusebio, Fermín, Florencio,
  Fulgencio, Gumercindo, Higinio, Hilario, Inocencio, Isaac, Lino, Lucio, Marcial, Nicanor,
  Pantaleón, Prudencio, Rigoberto, Sixto, Teófilo, Tranquilino, Venancio, Wildo, Adolfo, Alcibiades,
  Darío, Gonzalo, Jesús, Kevin, Luciano, Rodolfo, Ezequiel, Gaspar, Hermenegildo, Leoncio, Mateo,
`);

/** Given names written together as one (in rough decreasing frequency). */
export const FEMALE_COMPOUND_NAMES = list(`
  María José, María Elena, María Teresa, María Luisa, María Celeste, María Belén, María Fernanda,
  María Victoria, Ana María, Ana Belén, Rosa María, María Cristina, María Isabel, María Gloria,
  María Lourdes, Liz Carolina, María Auxiliadora, María Magdalena, Ana Rosa, Ana Lucía,
`);
export const MALE_COMPOUND_NAMES = list(`
  Juan Carlos, José Luis, Luis Alberto, Juan José, Carlos Alberto, Juan Manuel, Juan Pablo,
  Miguel Ángel, Víctor Hugo, José María, Juan Ramón, José Antonio, Francisco Javier, Luis Fernando,
  Carlos Daniel, Jorge Daniel, Juan Ángel, Pedro Pablo, José Ramón, Hugo Daniel,
`);

export const FEMALE_GUARANI_NAMES = list('Jasy, Yvoty, Arasy, Irupé, Porã, Ara, Jasymi, Mburukuja');
export const MALE_GUARANI_NAMES = list('Mbarete, Tupã, Kuarahy, Yvy, Ara, Tekove, Arandu');

/** Surnames in (roughly) decreasing frequency in Paraguay, González first. */
export const SURNAMES = list(`
  González, Benítez, Martínez, López, Giménez, Vera, Duarte, Ramírez, Villalba, Fernández, Ortiz,
  Rodríguez, Acosta, Báez, Gómez, Aquino, Cáceres, Sánchez, Rojas, Franco, Cabrera, Ayala, Núñez,
  Galeano, Cardozo, Romero, Ojeda, Insfrán, Espínola, Cuevas, Amarilla, Brítez, Paredes, Sosa,
  Caballero, Florentín, Riveros, Morínigo, Silva, Escobar, Peralta, Mendoza, Medina, Alvarenga,
  Torres, Chamorro, Zárate, Maidana, Portillo, Sanabria, Gauto, Mereles, Ledesma, Rolón, Leguizamón,
  Fretes, Gaona, Servín, Arce, Bogado, Cantero, Coronel, Fleitas, Godoy, Jara, Lezcano, Melgarejo,
  Miranda, Monges, Noguera, Ovelar, Páez, Quintana, Resquín, Saldívar, Sotelo, Troche, Valdez,
  Vázquez, Velázquez, Vergara, Villasboa, Zaracho, Recalde, Samaniego, Candia, Careaga, Irala,
  Yegros, Ibarra, Cabañas, Agüero, Alonso, Almirón, Álvarez, Barrios, Bareiro, Barreto, Benegas,
  Bernal, Cano, Castillo, Castro, Céspedes, Colmán, Cristaldo, Díaz, Domínguez, Enciso,
  Estigarribia, Falcón, Figueredo, Flores, Galván, García, Garcete, Gamarra, Guerrero, Gutiérrez,
  Hermosilla, Herrera, Ibáñez, Lugo, Maciel, Mancuello, Marecos, Meza, Molinas, Montiel, Morel,
  Moreno, Navarro, Ocampos, Olmedo, Orué, Ovando, Pereira, Pérez, Pintos, Quiñónez, Ramos,
  Riquelme, Rivas, Rivarola, Rivero, Rodas, Román, Ríos, Salinas, Salcedo, Santacruz, Segovia,
  Sequera, Talavera, Toledo, Torales, Valiente, Vargas, Verón, Vega, Villagra, Villar, Zacarías,
  Zayas, Ávalos, Arévalo, Arrúa, Aranda, Areco, Armoa, Arzamendia, Burgos, Bobadilla, Britos,
  Cañete, Cárdenas, Centurión, Chaparro, Cubilla, Dávalos, Delgado, Echeverría, Encina, Esquivel,
  Ferreira, Frutos, Garay, Guillén, Lovera, Machado, Mora, Mieres, Mongelós, Ocampo, Oviedo, Pavón,
  Penayo, Pesoa, Prieto, Quevedo, Ramoa, Reyes, Saucedo, Soto, Suárez, Tillería, Trinidad, Urbieta,
  Valenzuela, Vallejos, Villamayor, Villanueva, Viveros, Zorrilla, Zelaya, Acuña, Alcaraz,
  Aguilera, Alfonso, Añazco, Arias, Barboza, Bazán, Cabral, Chávez, Correa, Cuenca, Duré, Escurra,
  Espinoza, Fariña, Gavilán, Gaete, Insaurralde, Jacquet, Lesme, Maldonado, Marín, Mendieta,
  Mercado, Ortega, Osorio, Otazú, Pacheco, Paiva, Palacios, Pedrozo, Peña, Rotela, Ruiz, Servián,
  Solís, Taboada, Toñánez, Ugarte, Velaztiquí, Yambay, Ñumbay, Villasanti, Irrazábal, Argüello,
  Paniagua, Genes, Aguayo, Balbuena, Bordón, Cabello, Granada, Guanes, Notario, Oporto, Orrego,
  Ozuna, Rey, Sisa, Tabárez, Verdún, Zelada, Achucarro, Adorno, Aguirre, Alderete, Almada, Arriola,
  Barrientos, Bóveda, Denis, Esteche, Flecha, Gadea, Leiva, Morales, Pino,
  Santander, Silvero, Soler, Ventre, Zarza, Bogarín, Brizuela, Cazal, Galarza, Gorostiaga, Jacobo,
  Machuca, Mallorquín, Masi, Quiroga, Tellechea, Yampey, Zavala, Sandoval, Campos, Cortés, Cruz,
  Fuentes, Gallardo, Hernández, León, Luna, Márquez, Molina, Montero, Muñoz, Ortellado, Pardo, Sena,
  Valdovinos, Acevedo, Aguilar, Alegre, Bado, Carballo, Casco, Cubas, Ferrer, Goiburú, Méndez,
  Pineda, Roa, Sarabia, Figueroa, Guzmán, Lara, Frías, Roig, Larrea, Cañiza, Patiño, Paz, Saldaña,
`);
